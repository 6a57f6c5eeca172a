import { useCallback, useMemo, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import { ACTIVITY_MAX, activityWarnings, type ActivityType } from '@shared/domain/stats-catalog';
import type { ResultError } from '@shared/result';
import { chinaDay } from '@shared/time';
import { useCall, type CallState } from './use-call';
import { useProfile } from './use-profile';
import { useStaffAction } from './use-staff-action';
import type { Activity } from './use-stats-activities';
import { mergeFormProblems } from './form-problems';

type Town = Output<'account', 'listRegions'>['towns'][number];

/** The form as staff fill it in: numbers as text, place ids empty when not chosen. */
export interface ActivityForm {
  type: ActivityType | null;
  date: string;
  title: string;
  town: string;
  village: string;
  reached: string;
  materials: string;
  note: string;
}

export type ActivityField = 'type' | 'date' | 'title' | 'town' | 'village' | 'reached' | 'materials' | 'note';

export const ACTIVITY_FIELD_LABELS: Record<ActivityField, string> = {
  type: '活动类型',
  date: '活动日期',
  title: '活动名称',
  town: '镇街',
  village: '村（社区）',
  reached: '覆盖人数',
  materials: '发放资料份数',
  note: '备注',
};

/** Who may choose where an activity took place: district staff anywhere, town staff a village of their town, a station nowhere. */
export type PlaceChoice = 'any' | 'village-of-town' | 'fixed';

const emptyForm = (keep?: Partial<ActivityForm>): ActivityForm => ({ type: null, date: chinaDay(new Date()), title: '', town: '', village: '', reached: '', materials: '', note: '', ...keep });

function count(text: string, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= max ? n : null;
}

type Problems = Partial<Record<ActivityField, string[]>>;

/** The form turned into the contract's input, with the problems found on the way. */
function draftOf(f: ActivityForm, place: PlaceChoice): { draft: Input<'stats', 'logActivity'> | null; problems: Problems } {
  const problems: Problems = {};
  const add = (field: ActivityField, message: string) => (problems[field] ??= []).push(message);
  if (!f.type) add('type', '请选择活动类型');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) add('date', '请选择活动日期');
  else if (f.date > chinaDay(new Date())) add('date', '活动日期不能晚于今天');
  else if (f.date < '2020-01-01') add('date', '活动日期不能早于 2020 年');
  const title = f.title.trim();
  if (title.length < 2) add('title', '请填写活动名称（至少 2 个字）');
  else if (title.length > 40) add('title', '活动名称最多 40 个字');
  const reached = count(f.reached, ACTIVITY_MAX.reached);
  if (reached === null) add('reached', f.reached.trim() === '' ? '请填写覆盖人数，没有请填 0' : `填 0–${ACTIVITY_MAX.reached} 的整数；大型宣传请按场次分别登记`);
  const materials = count(f.materials, ACTIVITY_MAX.materials);
  if (materials === null) add('materials', f.materials.trim() === '' ? '请填写发放资料份数，没有请填 0' : `填 0–${ACTIVITY_MAX.materials} 的整数；大型宣传请按场次分别登记`);
  if (f.note.length > 500) add('note', '备注最多 500 个字');
  if (!f.type || reached === null || materials === null || Object.keys(problems).length > 0) return { draft: null, problems };
  const town = place === 'any' && f.town ? f.town : undefined;
  const village = place !== 'fixed' && f.village ? f.village : undefined;
  return { draft: { type: f.type, date: f.date, title, reached, materials, note: f.note.trim(), ...(town ? { town } : {}), ...(village ? { village } : {}) }, problems };
}

/** Which field a server issue path ("reached", "input.title") belongs to. */
function fieldOfPath(path: string): ActivityField | null {
  const head = path.split('.').filter((p) => p !== 'input')[0] ?? '';
  return head in ACTIVITY_FIELD_LABELS ? (head as ActivityField) : null;
}

export interface ActivityFormState {
  profile: CallState<Output<'account', 'me'>>;
  regions: CallState<Output<'account', 'listRegions'>>;
  place: PlaceChoice;
  /** Towns to choose from (district staff). */
  towns: readonly Town[];
  /** Villages of the chosen town (district staff) or of my town (town staff). */
  villages: ReadonlyArray<{ id: string; name: string }>;
  form: ActivityForm;
  update: (patch: Partial<ActivityForm>) => void;
  fieldErrors: Problems;
  problemList: string[];
  save: () => void;
  saving: boolean;
  saveError: ResultError | null;
  /** The title of the activity just saved, until the next edit. */
  savedTitle: string | null;
  /** Editing a logged activity (its corrections are recorded) rather than logging a new one. */
  editing: boolean;
  /** Figures that look wrong, shown before saving: 保存 again saves them as they are. */
  warnings: string[];
  /** 删除 this activity (editing only): asks first, then removes it. */
  askRemove: (on: boolean) => void;
  confirmingRemove: boolean;
  remove: () => void;
  removing: boolean;
  removeError: ResultError | null;
  /** The activity was removed: the page goes back to the list. */
  removed: boolean;
}

function formOf(a: Activity): ActivityForm {
  return { type: a.type, date: a.date, title: a.title, town: a.town ?? '', village: a.village ?? '', reached: String(a.reached), materials: String(a.materials), note: a.note };
}

/**
 * 登记线下活动, or correcting one (`existing`): the form, checked here and by the server (its issues
 * shown by field), implausible figures shown for a second look, then logged or updated.
 */
export function useStatsActivityForm(existing: Activity | null = null): ActivityFormState {
  const profile = useProfile({ cached: true });
  const regions = useCall('account', 'listRegions', {});
  const logger = useStaffAction('stats', 'logActivity');
  const updater = useStaffAction('stats', 'updateActivity');
  const remover = useStaffAction('stats', 'removeActivity');
  const saver = existing ? updater : logger;
  const [form, setForm] = useState<ActivityForm>(() => (existing ? formOf(existing) : emptyForm()));
  const [tried, setTried] = useState(false);
  const [savedTitle, setSavedTitle] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [removed, setRemoved] = useState(false);

  const me = profile.data;
  const place: PlaceChoice = me?.role === 'district' || me?.role === 'admin' ? 'any' : me?.role === 'town' ? 'village-of-town' : 'fixed';
  const towns = useMemo(() => regions.data?.towns ?? [], [regions.data]);
  const villageTown = place === 'any' ? form.town : (me?.town ?? '');
  const villages = useMemo(() => towns.find((t) => t.id === villageTown)?.villages ?? [], [towns, villageTown]);

  const update = useCallback((patch: Partial<ActivityForm>) => {
    // A village belongs to one town: choosing another town clears it.
    setForm((f) => ({ ...f, ...patch, ...(patch.town !== undefined && patch.town !== f.town ? { village: '' } : {}) }));
    setSavedTitle(null);
    setWarnings([]);
  }, []);

  /** The place whose number of women bounds the people reached: the chosen town, or my own. */
  const womenPlace = useMemo(() => {
    const townId = place === 'any' ? form.town : (me?.town ?? '');
    const town = towns.find((t) => t.id === townId);
    return town ? { name: town.name, women: form.village ? null : town.women } : { name: '', women: null };
  }, [place, form.town, form.village, me, towns]);

  const checked = useMemo(() => (tried ? draftOf(form, place).problems : {}), [form, tried, place]);
  const { fieldErrors, problemList } = useMemo(
    () => mergeFormProblems<ActivityField>(checked, saver.error?.issues ?? [], ACTIVITY_FIELD_LABELS, fieldOfPath),
    [checked, saver.error],
  );

  const { run: log } = logger;
  const { run: correct } = updater;
  const save = useCallback(() => {
    setTried(true);
    const { draft } = draftOf(form, place);
    if (!draft) return;
    // Figures that look wrong are shown first; a second 保存 keeps them as they are.
    const doubts = activityWarnings(draft, womenPlace);
    if (doubts.length > 0 && warnings.length === 0) {
      setWarnings(doubts);
      return;
    }
    setWarnings([]);
    const sent = existing ? correct({ id: existing.id, ...draft }) : log(draft);
    void sent.then((out) => {
      if (!out) return;
      setSavedTitle(draft.title);
      setTried(false);
      // The next entry is often the same kind of work at the same place: keep those.
      if (!existing) setForm(emptyForm({ type: form.type, date: form.date, town: form.town, village: form.village }));
    });
  }, [form, place, womenPlace, warnings, existing, log, correct]);

  const { run: drop } = remover;
  const remove = useCallback(() => {
    if (!existing) return;
    void drop({ id: existing.id }).then((out) => {
      setConfirmingRemove(false);
      if (out) setRemoved(true);
    });
  }, [existing, drop]);

  return {
    profile,
    regions,
    place,
    towns,
    villages,
    form,
    update,
    fieldErrors,
    problemList,
    save,
    saving: saver.busy,
    saveError: saver.error,
    savedTitle,
    editing: existing !== null,
    warnings,
    askRemove: setConfirmingRemove,
    confirmingRemove,
    remove,
    removing: remover.busy,
    removeError: remover.error,
    removed,
  };
}
