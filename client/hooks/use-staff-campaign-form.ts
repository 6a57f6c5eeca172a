import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Input } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import type { LawSummary } from './use-laws';
import { useStaffAction } from './use-staff-action';
import type { StaffCampaign } from './use-staff-campaigns';
import { markStaffChanged } from './use-staff-refresh';
import { chinaDateTime, dayAfter, isoOfChina, msBetween } from '../time';
import { mergeFormProblems } from './form-problems';

type CampaignDraft = Input<'learnAdmin', 'saveCampaign'>['campaign'];

/** The campaign form as staff fill it in: numbers as text, the window as China date and time. */
export interface CampaignForm {
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  dailyCap: string;
  questionCount: string;
  /** Weight per law id; an empty or 0 weight leaves the law out. */
  ratio: Record<string, string>;
  passMark: string;
  /** Minutes; empty means no time limit. */
  timeLimitMin: string;
  published: boolean;
}

export type CampaignField = 'title' | 'description' | 'window' | 'dailyCap' | 'questionCount' | 'ratio' | 'passMark' | 'timeLimitMin';

export const CAMPAIGN_FIELD_LABELS: Record<CampaignField, string> = {
  title: '活动名称',
  description: '活动说明',
  window: '活动时间',
  dailyCap: '每天可答次数',
  questionCount: '每次题数',
  ratio: '各法律出题比例',
  passMark: '及格分',
  timeLimitMin: '答题限时',
};

function formOf(c: StaffCampaign): CampaignForm {
  const start = chinaDateTime(c.startsAt);
  const end = chinaDateTime(c.endsAt);
  return {
    title: c.title,
    description: c.description,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    dailyCap: String(c.dailyCap),
    questionCount: String(c.questionCount),
    ratio: Object.fromEntries(Object.entries(c.ratio).map(([law, w]) => [law, String(w)])),
    passMark: String(c.passMark),
    timeLimitMin: c.timeLimitSec === null ? '' : String(Math.round(c.timeLimitSec / 60)),
    published: c.published,
  };
}

function newForm(laws: readonly LawSummary[], now: number): CampaignForm {
  const today = dayAfter(now, 0);
  const end = dayAfter(now, 30);
  return {
    title: '',
    description: '',
    startDate: today,
    startTime: '08:00',
    endDate: end,
    endTime: '22:00',
    dailyCap: '3',
    questionCount: '10',
    ratio: Object.fromEntries(laws.map((l) => [l.id, '1'])),
    passMark: '60',
    timeLimitMin: '',
    published: false,
  };
}

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** The form turned into the contract's campaign, with the problems found on the way. */
function draftOf(form: CampaignForm, id: string | null): { draft: CampaignDraft | null; problems: Partial<Record<CampaignField, string[]>> } {
  const problems: Partial<Record<CampaignField, string[]>> = {};
  const add = (field: CampaignField, message: string) => (problems[field] ??= []).push(message);
  const title = form.title.trim();
  if (title.length < 2 || title.length > 40) add('title', '活动名称 2–40 个字');
  if (form.description.length > 500) add('description', '活动说明不超过 500 字');
  const startsAt = isoOfChina(form.startDate, form.startTime);
  const endsAt = isoOfChina(form.endDate, form.endTime);
  if (!startsAt || !endsAt) add('window', '请选择开始和结束的日期与时间');
  else if (msBetween(startsAt, endsAt) <= 0) add('window', '结束时间要晚于开始时间');
  const dailyCap = intIn(form.dailyCap, 1, 20);
  if (dailyCap === null) add('dailyCap', '填 1–20 的整数');
  const questionCount = intIn(form.questionCount, 1, 50);
  if (questionCount === null) add('questionCount', '填 1–50 的整数');
  const ratio: Record<string, number> = {};
  for (const [law, text] of Object.entries(form.ratio)) {
    if (text.trim() === '') continue;
    const w = intIn(text, 0, 100);
    if (w === null) add('ratio', '每部法律的比例填 0–100 的整数');
    else if (w > 0) ratio[law] = w;
  }
  if (Object.keys(ratio).length === 0 && !problems.ratio) add('ratio', '至少一部法律的比例要大于 0');
  const passMark = intIn(form.passMark, 0, 100);
  if (passMark === null) add('passMark', '填 0–100 的整数');
  let timeLimitSec: number | null = null;
  if (form.timeLimitMin.trim() !== '') {
    const minutes = intIn(form.timeLimitMin, 1, 120);
    if (minutes === null) add('timeLimitMin', '限时填 1–120 分钟，不限时请留空');
    else timeLimitSec = minutes * 60;
  }
  if (Object.keys(problems).length > 0 || !startsAt || !endsAt || dailyCap === null || questionCount === null || passMark === null) return { draft: null, problems };
  return {
    draft: {
      ...(id ? { id } : {}),
      title,
      description: form.description.trim(),
      startsAt,
      endsAt,
      dailyCap,
      questionCount,
      ratio,
      passMark,
      timeLimitSec,
      published: form.published,
    },
    problems,
  };
}

/** Which form field a server issue path ("campaign.ratio.x") belongs to. */
function fieldOfPath(path: string): CampaignField | null {
  const parts = path.split('.');
  if (parts[0] === 'campaign') parts.shift();
  const head = parts[0] ?? '';
  if (head === 'startsAt' || head === 'endsAt') return 'window';
  if (head === 'timeLimitSec') return 'timeLimitMin';
  return head in CAMPAIGN_FIELD_LABELS ? (head as CampaignField) : null;
}

export interface CampaignFormState {
  loading: boolean;
  loadError: ResultError | null;
  retryLoad: () => void;
  id: string | null;
  form: CampaignForm | null;
  update: (patch: Partial<CampaignForm>) => void;
  setRatio: (lawId: string, weight: string) => void;
  fieldErrors: Partial<Record<CampaignField, string[]>>;
  problemList: string[];
  saving: boolean;
  saveError: ResultError | null;
  savedAt: Date | null;
  save: () => void;
}

/** The campaign form: loads the campaign (or starts a new one over every law), checks it, saves it. */
export function useStaffCampaignForm(campaignId: string | undefined, laws: readonly LawSummary[] | null): CampaignFormState {
  const [id, setId] = useState<string | null>(campaignId ?? null);
  const [form, setForm] = useState<CampaignForm | null>(null);
  const [loading, setLoading] = useState(Boolean(campaignId));
  const [loadError, setLoadError] = useState<ResultError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [tried, setTried] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const saver = useStaffAction('learnAdmin', 'saveCampaign');

  useEffect(() => {
    if (!campaignId) return undefined;
    let live = true;
    setLoading(true);
    setLoadError(null);
    void call('learnAdmin', 'listCampaigns', { id: campaignId }).then((result) => {
      if (!live) return;
      setLoading(false);
      if (!result.ok) {
        setLoadError(result.error);
        return;
      }
      const hit = result.data.campaigns.find((c) => c.id === campaignId);
      if (hit) setForm(formOf(hit));
      else setLoadError({ code: 'NOT_FOUND', message: '没有找到这个活动，请从活动列表打开' });
    });
    return () => {
      live = false;
    };
  }, [campaignId, attempt]);

  useEffect(() => {
    if (campaignId || form !== null || laws === null) return;
    setForm(newForm(laws, Date.now()));
  }, [campaignId, form, laws]);

  const update = useCallback((patch: Partial<CampaignForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setSavedAt(null);
  }, []);
  const setRatio = useCallback((lawId: string, weight: string) => {
    setForm((f) => (f ? { ...f, ratio: { ...f.ratio, [lawId]: weight } } : f));
    setSavedAt(null);
  }, []);

  const checked = useMemo(() => (form && tried ? draftOf(form, id).problems : {}), [form, tried, id]);
  const { fieldErrors, problemList } = useMemo(
    () => mergeFormProblems<CampaignField>(checked, saver.error?.issues ?? [], CAMPAIGN_FIELD_LABELS, fieldOfPath),
    [checked, saver.error],
  );

  const { run } = saver;
  const save = useCallback(() => {
    if (!form) return;
    setTried(true);
    const { draft } = draftOf(form, id);
    if (!draft) return;
    void run({ campaign: draft }).then((out) => {
      if (!out) return;
      setId(out.id);
      setSavedAt(new Date());
      markStaffChanged('campaigns');
    });
  }, [form, id, run]);

  const retryLoad = useCallback(() => setAttempt((n) => n + 1), []);
  return { loading, loadError, retryLoad, id, form, update, setRatio, fieldErrors, problemList, saving: saver.busy, saveError: saver.error, savedAt, save };
}
