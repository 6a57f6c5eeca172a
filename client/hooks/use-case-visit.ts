import { useCallback, useMemo, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { CaseOutcome, HelpCategory } from '@shared/domain/help';
import type { ResultError } from '@shared/result';
import { chinaDay } from '@shared/time';
import { useCall, type CallState } from './use-call';
import { useProfile } from './use-profile';
import { useStaffAction } from './use-staff-action';

export interface VisitForm {
  category: HelpCategory | null;
  date: string;
  /** Town staff choose one of their villages (or none); a station's is always its own. */
  village: string;
  note: string;
  /** null: not finished yet (the case stays 办理中). */
  outcome: CaseOutcome | null;
}

type VisitField = 'category' | 'date' | 'note';

const emptyVisit = (): VisitForm => ({ category: null, date: chinaDay(new Date()), village: '', note: '', outcome: null });

function check(f: VisitForm): Partial<Record<VisitField, string>> {
  const p: Partial<Record<VisitField, string>> = {};
  if (!f.category) p.category = '请选择类别';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) p.date = '请选择来访日期';
  else if (f.date > chinaDay(new Date())) p.date = '来访日期不能晚于今天';
  if (!f.note.trim()) p.note = '请简要记录来访情况';
  else if (f.note.length > 1000) p.note = '最多 1000 个字';
  return p;
}

export interface CaseVisit {
  profile: CallState<Output<'account', 'me'>>;
  /** The villages of my town (town staff choose among them). */
  villages: Array<{ id: string; name: string }>;
  form: VisitForm;
  update: (patch: Partial<VisitForm>) => void;
  errors: Partial<Record<VisitField, string>>;
  save: () => void;
  saving: boolean;
  saveError: ResultError | null;
  /** Set after a save, until the next edit. */
  saved: boolean;
}

/** 来访登记: a walk-in visit logged by station or town staff, counted like an online request. */
export function useCaseVisit(): CaseVisit {
  const profile = useProfile({ cached: true });
  const regions = useCall('account', 'listRegions', {});
  const saver = useStaffAction('help', 'logVisit');
  const [form, setForm] = useState<VisitForm>(emptyVisit);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);

  const me = profile.data;
  const villages = useMemo(() => regions.data?.towns.find((t) => t.id === me?.town)?.villages ?? [], [regions.data, me]);
  const update = useCallback((patch: Partial<VisitForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  }, []);
  const errors = useMemo(() => (tried ? check(form) : {}), [form, tried]);

  const { run } = saver;
  const save = useCallback(() => {
    setTried(true);
    if (!form.category || Object.keys(check(form)).length > 0) return;
    // A station's visits are always its own village's; the server checks it too.
    const village = me?.role === 'station' ? (me.village ?? undefined) : form.village || undefined;
    void run({ category: form.category, date: form.date, note: form.note.trim(), ...(village ? { village } : {}), ...(form.outcome ? { outcome: form.outcome } : {}) }).then((out) => {
      if (!out) return;
      setForm(emptyVisit());
      setTried(false);
      setSaved(true);
    });
  }, [form, me, run]);

  return { profile, villages, form, update, errors, save, saving: saver.busy, saveError: saver.error, saved };
}
