import { useCallback, useMemo, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { CaseActionType, CaseOutcome } from '@shared/domain/help';
import type { ResultError } from '@shared/result';
import { chinaDay } from '@shared/time';
import { useCall, type CallState } from './use-call';
import { useProfile } from './use-profile';
import type { CaseSummary } from './use-cases';
import { useStaffAction } from './use-staff-action';

export type CaseDetail = Output<'help', 'getCase'>;
export type Assignee = Output<'help', 'listAssignees'>['staff'][number];

export interface ActionForm {
  type: CaseActionType | null;
  date: string;
  note: string;
  message: string;
}

export interface CloseForm {
  outcome: CaseOutcome | null;
  note: string;
}

type ActionField = 'type' | 'date' | 'note' | 'message';
type CloseField = 'outcome' | 'note';

const today = () => chinaDay(new Date());
const emptyAction = (): ActionForm => ({ type: null, date: today(), note: '', message: '' });
const EMPTY_CLOSE: CloseForm = { outcome: null, note: '' };

// Words that would tell someone else reading her phone what this is about.
const TELLING_WORDS = /暴力|家暴|殴打|打人|告诫|保护令|报警|公安|派出所|法院|起诉|离婚|调解|求助/;

function checkAction(f: ActionForm): Partial<Record<ActionField, string>> {
  const p: Partial<Record<ActionField, string>> = {};
  if (!f.type) p.type = '请选择处理方式';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) p.date = '请选择日期';
  if (!f.note.trim()) p.note = '请写下处理情况';
  else if (f.note.length > 1000) p.note = '最多 1000 个字';
  if (f.message.length > 200) p.message = '最多 200 个字';
  else if (TELLING_WORDS.test(f.message)) p.message = `别人也可能看到她的手机：请不要写「${TELLING_WORDS.exec(f.message)?.[0] ?? ''}」这样的字眼，换一句中性的话`;
  return p;
}

function checkClose(f: CloseForm): Partial<Record<CloseField, string>> {
  const p: Partial<Record<CloseField, string>> = {};
  if (!f.outcome) p.outcome = '请选择结案结果';
  if (f.note.length > 500) p.note = '最多 500 个字';
  return p;
}

export interface CaseDone {
  where: 'accept' | 'assign' | 'action' | 'close';
  text: string;
}

export interface StaffCase {
  /** The masked summary shown before the case is opened (as in the queue; not audited). */
  summary: CallState<CaseSummary>;
  /** The opened case; null until 查看详情 (every opening is audited). */
  detail: CaseDetail | null;
  opening: boolean;
  openError: ResultError | null;
  openDetails: () => void;

  accept: () => void;
  accepting: boolean;
  acceptError: ResultError | null;

  assignees: Assignee[] | null;
  loadAssignees: () => void;
  loadingAssignees: boolean;
  assignee: string | null;
  setAssignee: (openid: string) => void;
  assign: () => void;
  assigning: boolean;
  assignError: ResultError | null;

  action: ActionForm;
  updateAction: (patch: Partial<ActionForm>) => void;
  actionErrors: Partial<Record<ActionField, string>>;
  saveAction: () => void;
  savingAction: boolean;
  actionError: ResultError | null;
  /** A short confirmation of the last save ("已记录：调解") and the part of the page it belongs to; cleared by the next edit. */
  done: CaseDone | null;

  closing: CloseForm;
  updateClose: (patch: Partial<CloseForm>) => void;
  closeErrors: Partial<Record<CloseField, string>>;
  close: () => void;
  closingBusy: boolean;
  closeError: ResultError | null;
}

/**
 * One case for staff: masked until 查看详情 opens it (and leaves an audit entry); then 受理, 指派,
 * 记录处理 and 结案. Writes update the opened case in place rather than reading it again, so each
 * opening is one audit entry.
 */
export function useCase(id: string | undefined): StaffCase {
  const summary = useCall('help', 'caseSummary', id ? { id } : null, { code: 'BAD_REQUEST', message: '没有找到这条记录，请从服务记录列表打开' });
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const opener = useStaffAction('help', 'getCase');
  const accepter = useStaffAction('help', 'accept');
  const lister = useStaffAction('help', 'listAssignees');
  const assigner = useStaffAction('help', 'assign');
  const actor = useStaffAction('help', 'addAction');
  const closer = useStaffAction('help', 'close');
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [action, setAction] = useState<ActionForm>(emptyAction);
  const [actionTried, setActionTried] = useState(false);
  const [closing, setClosing] = useState<CloseForm>(EMPTY_CLOSE);
  const [closeTried, setCloseTried] = useState(false);
  const [done, setDone] = useState<CaseDone | null>(null);
  // My own name, for what I just did (受理 makes me the one in charge when nobody was).
  const me = useProfile({ cached: true });
  const myName = me.data?.name ?? '我';

  const openRun = opener.run;
  const openDetails = useCallback(() => {
    if (!id) return;
    void openRun({ id }).then((out) => {
      if (out) setDetail(out);
    });
  }, [id, openRun]);

  const acceptRun = accepter.run;
  const accept = useCallback(() => {
    if (!id) return;
    void acceptRun({ id }).then((out) => {
      if (!out) return;
      setDetail((d) => (d ? { ...d, status: out.status, overdue: false, assigneeName: d.assigneeName ?? myName } : d));
      setDone({ where: 'accept', text: '已受理' });
    });
  }, [id, acceptRun, myName]);

  const listRun = lister.run;
  const loadAssignees = useCallback(() => {
    if (!id) return;
    void listRun({ id }).then((out) => {
      if (out) setAssignees(out.staff);
    });
  }, [id, listRun]);

  const assignRun = assigner.run;
  const assign = useCallback(() => {
    if (!id || !assignee) return;
    void assignRun({ id, assignee }).then((out) => {
      if (!out) return;
      setDetail((d) => (d ? { ...d, assigneeName: out.assigneeName } : d));
      setAssignees(null);
      setAssignee(null);
      setDone({ where: 'assign', text: `已指派给${out.assigneeName}` });
    });
  }, [id, assignee, assignRun]);

  const updateAction = useCallback((patch: Partial<ActionForm>) => {
    setAction((f) => ({ ...f, ...patch }));
    setDone(null);
  }, []);
  const actionErrors = useMemo(() => (actionTried ? checkAction(action) : {}), [action, actionTried]);
  const actRun = actor.run;
  const saveAction = useCallback(() => {
    setActionTried(true);
    if (!id || !action.type || Object.keys(checkAction(action)).length > 0) return;
    const type = action.type;
    const note = action.note.trim();
    const message = action.message.trim();
    void actRun({ id, type, date: action.date, note, ...(message ? { messageToRequester: message } : {}) }).then((out) => {
      if (!out) return;
      const entry = { type, date: action.date, note, messageToRequester: message || null, byName: myName, at: new Date().toISOString() };
      setDetail((d) => (d ? { ...d, status: out.status, followUpAt: out.followUpAt, overdue: false, actions: [...d.actions, entry] } : d));
      setAction(emptyAction());
      setActionTried(false);
      setDone({ where: 'action', text: `已记录：${type}` });
    });
  }, [id, action, actRun, myName]);

  const updateClose = useCallback((patch: Partial<CloseForm>) => {
    setClosing((f) => ({ ...f, ...patch }));
    setDone(null);
  }, []);
  const closeErrors = useMemo(() => (closeTried ? checkClose(closing) : {}), [closing, closeTried]);
  const closeRun = closer.run;
  const close = useCallback(() => {
    setCloseTried(true);
    if (!id || !closing.outcome || Object.keys(checkClose(closing)).length > 0) return;
    const outcome = closing.outcome;
    void closeRun({ id, outcome, note: closing.note.trim() }).then((out) => {
      if (!out) return;
      setDetail((d) => (d ? { ...d, status: out.status, outcome, closedAt: new Date().toISOString(), followUpAt: null } : d));
      setClosing(EMPTY_CLOSE);
      setCloseTried(false);
      setDone({ where: 'close', text: `已结案：${outcome}` });
    });
  }, [id, closing, closeRun]);

  return {
    summary,
    detail,
    opening: opener.busy,
    openError: opener.error,
    openDetails,
    accept,
    accepting: accepter.busy,
    acceptError: accepter.error,
    assignees,
    loadAssignees,
    loadingAssignees: lister.busy,
    assignee,
    setAssignee,
    assign,
    assigning: assigner.busy,
    assignError: assigner.error ?? lister.error,
    action,
    updateAction,
    actionErrors,
    saveAction,
    savingAction: actor.busy,
    actionError: actor.error,
    done,
    closing,
    updateClose,
    closeErrors,
    close,
    closingBusy: closer.busy,
    closeError: closer.error,
  };
}
