import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import { CONSENT_VERSION, PHONE_PATTERN, type HelpCategory, type Urgency } from '@shared/domain/help';
import type { ResultError } from '@shared/result';
import { onLeave } from '../components/help/leave';
import { useCall, type CallState } from './use-call';
import { useStaffAction } from './use-staff-action';

export type AgeBand = Input<'help', 'submitRequest'>['age'];
export type ContactMethod = 'phone' | 'in_app';
export type Town = Output<'account', 'listRegions'>['towns'][number];

/**
 * What she has filled in. Held in React state only: never in storage, not even as a draft, and
 * wiped on 快速离开 and after sending.
 */
export interface HelpForm {
  age: AgeBand | null;
  category: HelpCategory | null;
  description: string;
  town: string;
  village: string;
  method: ContactMethod | null;
  phone: string;
  safeTimes: string;
  note: string;
  urgency: Urgency;
  consent: boolean;
}

export type HelpField = 'category' | 'description' | 'town' | 'village' | 'method' | 'phone' | 'safeTimes' | 'note';

export const HELP_FIELD_LABELS: Record<HelpField, string> = {
  category: '事项类别',
  description: '情况说明',
  town: '所在镇街',
  village: '所在村（社区）',
  method: '联系方式',
  phone: '电话',
  safeTimes: '方便接电话的时间',
  note: '接电话时需要注意的',
};

const EMPTY: HelpForm = {
  age: null,
  category: null,
  description: '',
  town: '',
  village: '',
  method: null,
  phone: '',
  safeTimes: '',
  note: '',
  urgency: 'normal',
  consent: false,
};

type Problems = Partial<Record<HelpField, string[]>>;

function check(form: HelpForm): Problems {
  const p: Problems = {};
  const add = (field: HelpField, message: string) => (p[field] ??= []).push(message);
  if (!form.category) add('category', '请选择一项');
  const text = form.description.trim();
  if (text.length < 5) add('description', '请至少写 5 个字');
  if (text.length > 2000) add('description', '最多 2000 个字');
  if (!form.town) add('town', '请选择所在镇街');
  if (!form.method) add('method', '请选择工作人员怎样联系您');
  if (form.method === 'phone') {
    if (!PHONE_PATTERN.test(form.phone.trim())) add('phone', '请填写正确的手机号或座机号');
    if (form.safeTimes.length > 60) add('safeTimes', '最多 60 个字');
    if (form.note.length > 100) add('note', '最多 100 个字');
  }
  return p;
}

/** The server's issue paths ("contact.phone") as form fields. */
function fieldOfPath(path: string): HelpField | null {
  const key = path.split('.').pop() ?? '';
  if (key === 'note' || key === 'phone' || key === 'safeTimes' || key === 'description' || key === 'town' || key === 'village' || key === 'category') return key;
  if (path.startsWith('contact')) return 'method';
  return null;
}

function inputOf(form: HelpForm): Input<'help', 'submitRequest'> | null {
  if (!form.age || form.age === 'under14' || !form.category || !form.method || !form.consent) return null;
  const phone = form.method === 'phone';
  return {
    age: form.age,
    category: form.category,
    description: form.description.trim(),
    town: form.town,
    ...(form.village ? { village: form.village } : {}),
    urgency: form.urgency,
    contact: {
      method: form.method,
      ...(phone ? { phone: form.phone.trim() } : {}),
      ...(phone && form.safeTimes.trim() ? { safeTimes: form.safeTimes.trim() } : {}),
      ...(phone && form.note.trim() ? { note: form.note.trim() } : {}),
    },
    consentVersion: CONSENT_VERSION,
  };
}

export interface HelpRequest {
  form: HelpForm;
  update: (patch: Partial<HelpForm>) => void;
  /** Chooses a town; the village is cleared unless it belongs to that town. */
  setTown: (town: string) => void;
  regions: CallState<Output<'account', 'listRegions'>>;
  /** Problems per field (after a send was tried) and as one list for the top of the form. */
  fieldErrors: Problems;
  problemList: string[];
  sending: boolean;
  sendError: ResultError | null;
  send: () => void;
  /** The neutral reference of the request just sent; the form is empty again by then. */
  sent: string | null;
  /** Starts over: an empty form, nothing sent shown. */
  startOver: () => void;
}

/** The 服务登记 form: her place preselected from her profile, checked, sent with the consent version. */
export function useHelpRequest(): HelpRequest {
  const [form, setForm] = useState<HelpForm>(EMPTY);
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const regions = useCall('account', 'listRegions', {});
  const profile = useCall('account', 'me', {});
  const sender = useStaffAction('help', 'submitRequest');
  const placed = useRef(false);

  const { clearError } = sender;
  const reset = useCallback(() => {
    setForm(EMPTY);
    setTried(false);
    placed.current = false;
    clearError();
  }, [clearError]);

  // 快速离开 wipes what she typed even before the page goes away.
  useEffect(
    () =>
      onLeave(() => {
        reset();
        setSent(null);
      }),
    [reset],
  );

  // Her own town and village, once, when both the profile and the regions are in.
  const me = profile.data;
  const towns = regions.data?.towns;
  useEffect(() => {
    if (placed.current || !me?.town || !towns) return;
    const town = towns.find((t) => t.id === me.town);
    if (!town) return;
    placed.current = true;
    const village = town.villages.some((v) => v.id === me.village) ? (me.village ?? '') : '';
    setForm((f) => (f.town ? f : { ...f, town: town.id, village }));
  }, [me, towns, form.town]);

  const update = useCallback((patch: Partial<HelpForm>) => setForm((f) => ({ ...f, ...patch })), []);
  const setTown = useCallback(
    (town: string) =>
      setForm((f) => {
        const keep = towns?.find((t) => t.id === town)?.villages.some((v) => v.id === f.village) ?? false;
        return { ...f, town, village: keep ? f.village : '' };
      }),
    [towns],
  );

  const { fieldErrors, problemList } = useMemo(() => {
    const merged: Problems = tried ? check(form) : {};
    for (const issue of sender.error?.issues ?? []) {
      const field = fieldOfPath(issue.path);
      if (field && !(merged[field] ??= []).includes(issue.message)) merged[field]?.push(issue.message);
    }
    const list = (Object.entries(merged) as Array<[HelpField, string[]]>).flatMap(([field, messages]) => messages.map((m) => `${HELP_FIELD_LABELS[field]}：${m}`));
    return { fieldErrors: merged, problemList: list };
  }, [form, tried, sender.error]);

  const { run } = sender;
  const send = useCallback(() => {
    setTried(true);
    if (Object.keys(check(form)).length > 0) return;
    const input = inputOf(form);
    if (!input) return;
    void run(input).then((out) => {
      if (!out) return;
      reset();
      setSent(out.reference);
    });
  }, [form, run, reset]);

  const startOver = useCallback(() => {
    reset();
    setSent(null);
  }, [reset]);

  return { form, update, setTown, regions, fieldErrors, problemList, sending: sender.busy, sendError: sender.error, send, sent, startOver };
}
