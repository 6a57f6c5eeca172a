import { useCallback, useRef, useState } from 'react';
import type { Input } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';

/** A reason a question can be reported for (纠错). */
export type ReportReason = Input<'learn', 'reportQuestion'>['reason'];

/** The reasons in the order the picker shows them; typed as a record so a new reason cannot be missed. */
const REASONS: Record<ReportReason, true> = { 答案有误: true, 法条引用有误: true, 题目表述不清: true, 其他: true };
export const REPORT_REASON_CHOICES = Object.keys(REASONS) as ReportReason[];

/** The most a note may say (the server's limit). */
export const REPORT_NOTE_MAX = 200;

/** The 纠错 form of one question: open or closed, the reason and note, and sending once. */
export interface QuestionReport {
  open: boolean;
  reason: ReportReason | null;
  note: string;
  sending: boolean;
  sent: boolean;
  error: ResultError | null;
  toggle: () => void;
  setReason: (reason: ReportReason) => void;
  setNote: (note: string) => void;
  send: () => void;
}

/** Reports a question as wrong (reportQuestion), with a reason and an optional note. */
export function useQuestionReport(questionId: string): QuestionReport {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNoteState] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const busy = useRef(false);

  const toggle = useCallback(() => setOpen((o) => !o), []);
  const setNote = useCallback((text: string) => setNoteState(text.slice(0, REPORT_NOTE_MAX)), []);

  const send = useCallback(() => {
    if (busy.current || reason === null) return;
    busy.current = true;
    setSending(true);
    setError(null);
    const trimmed = note.trim();
    void call('learn', 'reportQuestion', trimmed ? { questionId, reason, note: trimmed } : { questionId, reason }).then((result) => {
      busy.current = false;
      setSending(false);
      if (result.ok) setSent(true);
      else setError(result.error);
    });
  }, [questionId, reason, note]);

  return { open, reason, note, sending, sent, error, toggle, setReason, setNote, send };
}
