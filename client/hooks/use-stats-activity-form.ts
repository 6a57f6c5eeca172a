import { useCallback, useMemo, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import type { ActivityType } from '@shared/domain/stats-catalog';
import type { ResultError } from '@shared/result';
import { chinaDay } from '@shared/time';
import { useCall, type CallState } from './use-call';
import { useStaffAction } from './use-staff-action';
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
  const reached = count(f.reached, 100000);
  if (reached === null) add('reached', f.reached.trim() === '' ? '请填写覆盖人数，没有请填 0' : '填 0–100000 的整数');
  const materials = count(f.materials, 1000000);
  if (materials === null) add('materials', f.materials.trim() === '' ? '请填写发放资料份数，没有请填 0' : '填 0–1000000 的整数');
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
}

/** 登记线下活动: the form, checked here and by the server (its issues shown by field), then logged. */
export function useStatsActivityForm(): ActivityFormState {
  const profile = useCall('account', 'me', {});
  const regions = useCall('account', 'listRegions', {});
  const saver = useStaffAction('stats', 'logActivity');
  const [form, setForm] = useState<ActivityForm>(() => emptyForm());
  const [tried, setTried] = useState(false);
  const [savedTitle, setSavedTitle] = useState<string | null>(null);

  const me = profile.data;
  const place: PlaceChoice = me?.role === 'district' || me?.role === 'admin' ? 'any' : me?.role === 'town' ? 'village-of-town' : 'fixed';
  const towns = useMemo(() => regions.data?.towns ?? [], [regions.data]);
  const villageTown = place === 'any' ? form.town : (me?.town ?? '');
  const villages = useMemo(() => towns.find((t) => t.id === villageTown)?.villages ?? [], [towns, villageTown]);

  const update = useCallback((patch: Partial<ActivityForm>) => {
    // A village belongs to one town: choosing another town clears it.
    setForm((f) => ({ ...f, ...patch, ...(patch.town !== undefined && patch.town !== f.town ? { village: '' } : {}) }));
    setSavedTitle(null);
  }, []);

  const checked = useMemo(() => (tried ? draftOf(form, place).problems : {}), [form, tried, place]);
  const { fieldErrors, problemList } = useMemo(
    () => mergeFormProblems<ActivityField>(checked, saver.error?.issues ?? [], ACTIVITY_FIELD_LABELS, fieldOfPath),
    [checked, saver.error],
  );

  const { run } = saver;
  const save = useCallback(() => {
    setTried(true);
    const { draft } = draftOf(form, place);
    if (!draft) return;
    void run(draft).then((out) => {
      if (!out) return;
      setSavedTitle(draft.title);
      setTried(false);
      // The next entry is often the same kind of work at the same place: keep those.
      setForm(emptyForm({ type: form.type, date: form.date, town: form.town, village: form.village }));
    });
  }, [form, place, run]);

  return { profile, regions, place, towns, villages, form, update, fieldErrors, problemList, save, saving: saver.busy, saveError: saver.error, savedTitle };
}
