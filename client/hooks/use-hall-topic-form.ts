import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { Scope } from '@shared/contracts/hall';
import type { ResultError } from '@shared/result';
import { useCall } from './use-call';
import { useProfile } from './use-profile';
import { isStaffRole } from './use-hall-desk';
import type { StaffTopicView } from './use-hall-staff-topics';
import { useStaffAction } from './use-staff-action';
import { chinaDateTime, dayAfter, isoOfChina, msUntil } from '../time';
import { mergeFormProblems } from './form-problems';

type Profile = Output<'account', 'me'>;
type Town = Output<'account', 'listRegions'>['towns'][number];
export type ScopeLevel = Scope['level'];

/** The topic form as staff fill it in: the deadline as China date and time. */
export interface TopicForm {
  title: string;
  description: string;
  level: ScopeLevel;
  town: string;
  village: string;
  date: string;
  time: string;
  /** 关闭议题: stop taking suggestions before the deadline (editing only). */
  closed: boolean;
}

export type TopicField = 'title' | 'description' | 'scope' | 'deadline';

export const TOPIC_FIELD_LABELS: Record<TopicField, string> = { title: '议题标题', description: '议题说明', scope: '范围', deadline: '截止时间' };

export const TOPIC_TITLE_MIN = 4;
export const TOPIC_TITLE_MAX = 40;
export const TOPIC_DESCRIPTION_MAX = 1000;

/** Where a staff member may post: the server checks the same (station: its village; town: the town or its villages). */
export interface ScopeChoices {
  levels: ScopeLevel[];
  towns: Town[];
  villagesOf: (townId: string) => Town['villages'];
}

function choicesFor(profile: Profile, towns: readonly Town[]): ScopeChoices {
  const own = towns.filter((t) => t.id === profile.town);
  const villagesIn = (list: readonly Town[]) => (townId: string) => list.find((t) => t.id === townId)?.villages ?? [];
  switch (profile.role) {
    case 'district':
    case 'admin':
      return { levels: ['district', 'town', 'village'], towns: [...towns], villagesOf: villagesIn(towns) };
    case 'town':
      return { levels: ['town', 'village'], towns: own, villagesOf: villagesIn(own) };
    case 'station':
      return { levels: ['village'], towns: own, villagesOf: (townId) => villagesIn(own)(townId).filter((v) => v.id === profile.village) };
    default:
      return { levels: [], towns: [], villagesOf: () => [] };
  }
}

function newForm(profile: Profile, choices: ScopeChoices, now: number): TopicForm {
  const level = choices.levels[0] ?? 'district';
  const date = dayAfter(now, 14);
  return {
    title: '',
    description: '',
    level,
    town: level === 'district' ? '' : (profile.town ?? ''),
    village: level === 'village' ? (profile.village ?? '') : '',
    date,
    time: '18:00',
    closed: false,
  };
}

function formOf(topic: StaffTopicView, now: number): TopicForm {
  const { date, time } = chinaDateTime(topic.deadline);
  return {
    title: topic.title,
    description: topic.description,
    level: topic.scope.level,
    town: topic.scope.town ?? '',
    village: topic.scope.village ?? '',
    date,
    time,
    // Not open before its deadline means someone closed it.
    closed: !topic.open && msUntil(topic.deadline, now) > 0,
  };
}

/** Where a form's topic belongs, in words ("全区", "双江镇", "双江镇示例村一"). */
function placeText(form: TopicForm, choices: ScopeChoices): string {
  if (form.level === 'district') return '全区';
  const town = choices.towns.find((t) => t.id === form.town)?.name ?? '';
  const village = form.level === 'village' ? (choices.villagesOf(form.town).find((v) => v.id === form.village)?.name ?? '') : '';
  return `${town}${village}`;
}

function scopeOf(form: TopicForm): Scope {
  if (form.level === 'district') return { level: 'district', town: null, village: null };
  if (form.level === 'town') return { level: 'town', town: form.town || null, village: null };
  return { level: 'village', town: form.town || null, village: form.village || null };
}

/** Problems with the form, by field; `original` is the saved topic when editing (its scope is fixed). */
function problemsOf(form: TopicForm, choices: ScopeChoices, original: TopicForm | null, now: number): Partial<Record<TopicField, string[]>> {
  const problems: Partial<Record<TopicField, string[]>> = {};
  const add = (field: TopicField, message: string) => (problems[field] ??= []).push(message);
  const title = form.title.trim();
  if (title.length < TOPIC_TITLE_MIN || title.length > TOPIC_TITLE_MAX) add('title', `标题 ${TOPIC_TITLE_MIN}–${TOPIC_TITLE_MAX} 个字`);
  if (form.description.trim().length > TOPIC_DESCRIPTION_MAX) add('description', `说明最多 ${TOPIC_DESCRIPTION_MAX} 个字`);
  if (!original) {
    if (!choices.levels.includes(form.level)) add('scope', '这个范围不在您负责的区域内');
    else if (form.level !== 'district' && !choices.towns.some((t) => t.id === form.town)) add('scope', '请选择镇街');
    else if (form.level === 'village' && !choices.villagesOf(form.town).some((v) => v.id === form.village)) add('scope', '请选择村（社区）');
  }
  const deadline = isoOfChina(form.date, form.time);
  const deadlineChanged = !original || original.date !== form.date || original.time !== form.time;
  if (!deadline) add('deadline', '请选择截止的日期和时间');
  else if (deadlineChanged && msUntil(deadline, now) <= 0) add('deadline', '截止时间要晚于现在');
  return problems;
}

export interface TopicFormState {
  loading: boolean;
  loadError: ResultError | null;
  retryLoad: () => void;
  /** The topic's id once it exists (after the first save of a new one). */
  id: string | null;
  form: TopicForm | null;
  /** The saved topic's form: its scope can no longer change. */
  saved: TopicForm | null;
  /** Where the topic being edited belongs, in words. */
  scopeName: string | null;
  choices: ScopeChoices;
  update: (patch: Partial<TopicForm>) => void;
  setLevel: (level: ScopeLevel) => void;
  setTown: (town: string) => void;
  fieldErrors: Partial<Record<TopicField, string[]>>;
  problemList: string[];
  saving: boolean;
  saveError: ResultError | null;
  savedAt: Date | null;
  save: () => void;
}

const NOT_STAFF: ResultError = { code: 'FORBIDDEN', message: '只有工作人员可以发布议题' };

/** The topic form: new (within my area) or an existing topic of my area; checks and saves it. */
export function useHallTopicForm(topicId: string | undefined): TopicFormState {
  const profile = useProfile({ cached: true });
  const regions = useCall('account', 'listRegions', {});
  const topics = useCall('hall', 'staffTopics', topicId ? { topicId } : null);
  const [id, setId] = useState<string | null>(topicId ?? null);
  const [form, setForm] = useState<TopicForm | null>(null);
  const [saved, setSaved] = useState<TopicForm | null>(null);
  const [scopeName, setScopeName] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const creator = useStaffAction('hall', 'createTopic');
  const updater = useStaffAction('hall', 'updateTopic');

  const choices = useMemo(() => (profile.data && regions.data ? choicesFor(profile.data, regions.data.towns) : { levels: [], towns: [], villagesOf: () => [] }), [profile.data, regions.data]);
  const notStaff = profile.data !== null && !isStaffRole(profile.data.role);
  const found = topicId && topics.data ? (topics.data.topics.find((t) => t.id === topicId) ?? null) : null;
  const missing = Boolean(topicId && topics.data && !found);

  // The form starts once everything it depends on is in: a new topic needs my area, an old one itself.
  useEffect(() => {
    if (form !== null || notStaff) return;
    if (topicId) {
      if (!found) return;
      const start = formOf(found, Date.now());
      setForm(start);
      setSaved(start);
      setScopeName(found.scopeName);
    } else if (profile.data && regions.data) {
      setForm(newForm(profile.data, choices, Date.now()));
    }
  }, [form, notStaff, topicId, found, profile.data, regions.data, choices]);

  const edit = useCallback((change: (f: TopicForm) => TopicForm) => {
    setForm((f) => (f ? change(f) : f));
    setSavedAt(null);
  }, []);
  const update = useCallback((patch: Partial<TopicForm>) => edit((f) => ({ ...f, ...patch })), [edit]);
  const setLevel = useCallback(
    (level: ScopeLevel) =>
      edit((f) => {
        const town = level === 'district' ? '' : f.town || (choices.towns.length === 1 ? (choices.towns[0]?.id ?? '') : '');
        const villages = choices.villagesOf(town);
        const village = level === 'village' ? (villages.some((v) => v.id === f.village) ? f.village : villages.length === 1 ? (villages[0]?.id ?? '') : '') : '';
        return { ...f, level, town, village };
      }),
    [edit, choices],
  );
  const setTown = useCallback(
    (town: string) =>
      edit((f) => {
        const villages = choices.villagesOf(town);
        return { ...f, town, village: villages.length === 1 ? (villages[0]?.id ?? '') : '' };
      }),
    [edit, choices],
  );

  const saveError = creator.error ?? updater.error;
  const checked = useMemo(() => (form && tried ? problemsOf(form, choices, saved, Date.now()) : {}), [form, tried, choices, saved]);
  const { fieldErrors, problemList } = useMemo(
    () => mergeFormProblems<TopicField>(checked, saveError?.issues ?? [], TOPIC_FIELD_LABELS, (path) => {
      const head = path.split('.')[0] ?? '';
      return head in TOPIC_FIELD_LABELS ? (head as TopicField) : null;
    }),
    [checked, saveError],
  );

  const { run: create } = creator;
  const { run: change, clearError: clearUpdateError } = updater;
  const { clearError: clearCreateError } = creator;
  const save = useCallback(() => {
    if (!form) return;
    setTried(true);
    if (Object.keys(problemsOf(form, choices, saved, Date.now())).length > 0) return;
    const deadline = isoOfChina(form.date, form.time) ?? '';
    const title = form.title.trim();
    const description = form.description.trim();
    const done = () => {
      setSaved(form);
      setSavedAt(new Date());
    };
    if (id === null) {
      clearUpdateError();
      void create({ title, description, scope: scopeOf(form), deadline }).then((out) => {
        if (!out) return;
        setId(out.id);
        setScopeName(placeText(form, choices));
        done();
      });
      return;
    }
    clearCreateError();
    const was = saved;
    void change({
      topicId: id,
      ...(was?.title.trim() !== title ? { title } : {}),
      ...(was?.description.trim() !== description ? { description } : {}),
      ...(was?.date !== form.date || was.time !== form.time ? { deadline } : {}),
      ...(was?.closed !== form.closed ? { close: form.closed } : {}),
    }).then((out) => {
      if (out) done();
    });
  }, [form, choices, saved, id, create, change, clearCreateError, clearUpdateError]);

  const { retry: retryProfile } = profile;
  const { retry: retryRegions } = regions;
  const { retry: retryTopics } = topics;
  const retryLoad = useCallback(() => {
    retryProfile();
    retryRegions();
    retryTopics();
  }, [retryProfile, retryRegions, retryTopics]);

  const loadError =
    profile.error ?? regions.error ?? (topicId ? topics.error : null) ?? (notStaff ? NOT_STAFF : null) ?? (missing ? { code: 'NOT_FOUND', message: '没有找到这个议题，请从议题列表打开' } : null);
  return {
    loading: form === null,
    loadError,
    retryLoad,
    id,
    form,
    saved: id === null ? null : saved,
    scopeName,
    choices,
    update,
    setLevel,
    setTown,
    fieldErrors,
    problemList,
    saving: creator.busy || updater.busy,
    saveError,
    savedAt,
    save,
  };
}
