import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import { NEEDS_REASON, STATE_LABELS, TRANSITIONS, type SuggestionState } from '@shared/domain/suggestion-status';
import type { ResultError } from '@shared/result';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';
import { useStaffAction } from './use-staff-action';

/** The most a note or reply may say (the server's limit). */
export const REPLY_TEXT_MAX = 1000;

/** The states a suggestion in handling may move to next: review (公开 / 未通过) has its own page. */
export function nextStates(from: SuggestionState): SuggestionState[] {
  return TRANSITIONS[from].filter((s) => s !== 'published' && s !== 'rejected');
}

/** Whether moving to a state needs a written note (shown to the author). */
export function needsText(to: SuggestionState): boolean {
  return NEEDS_REASON.has(to);
}

export interface HallHandling {
  list: PagedCallState<Output<'hall', 'handlingQueue'>>;
  /** The next state chosen for each suggestion, by id. */
  chosen: Record<string, SuggestionState>;
  choose: (id: string, to: SuggestionState) => void;
  texts: Record<string, string>;
  setText: (id: string, text: string) => void;
  /** Moves a suggestion to its chosen state with the note; the list reloads after. */
  send: (id: string) => void;
  sendingId: string | null;
  errors: Record<string, string>;
  /** The last move that went through, for a short confirmation. */
  moved: { id: string; status: SuggestionState } | null;
  lastError: ResultError | null;
}

const merge = appendPages<Output<'hall', 'handlingQueue'>, 'suggestions'>('suggestions');

/** 建议办理: public suggestions of my area not yet answered, moved along 已受理 → … → 已答复. */
export function useHallHandling(): HallHandling {
  const list = usePagedCall('hall', 'handlingQueue', {}, merge);
  useRefreshOnShow(list.retry);
  const reply = useStaffAction('hall', 'reply');
  const [chosen, setChosen] = useState<Record<string, SuggestionState>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sendingId, setSendingId] = useState<string | null>(null);
  const [moved, setMoved] = useState<HallHandling['moved']>(null);

  const choose = useCallback((id: string, to: SuggestionState) => {
    setChosen((c) => ({ ...c, [id]: to }));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);
  const setText = useCallback((id: string, text: string) => {
    setTexts((t) => ({ ...t, [id]: text.slice(0, REPLY_TEXT_MAX) }));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);

  const { run } = reply;
  const { retry } = list;
  const send = useCallback(
    (id: string) => {
      const to = chosen[id];
      if (!to) {
        setErrors((e) => ({ ...e, [id]: '请先选择要改成的状态' }));
        return;
      }
      const text = (texts[id] ?? '').trim();
      if (needsText(to) && text.length < 2) {
        setErrors((e) => ({ ...e, [id]: to === 'answered' ? '请填写答复内容，建议人会看到（至少 2 个字）' : `改为“${STATE_LABELS[to]}”要写明理由（至少 2 个字）` }));
        return;
      }
      setSendingId(id);
      setErrors(({ [id]: _gone, ...rest }) => rest);
      void run({ suggestionId: id, status: to, ...(text ? { text } : {}) }).then((out) => {
        setSendingId(null);
        if (!out) {
          setErrors((e) => ({ ...e, [id]: '没有办理成功，请看上面的提示后重试' }));
          return;
        }
        setMoved({ id, status: out.status });
        setChosen(({ [id]: _gone, ...rest }) => rest);
        setTexts(({ [id]: _gone, ...rest }) => rest);
        retry();
      });
    },
    [chosen, texts, run, retry],
  );

  return { list, chosen, choose, texts, setText, send, sendingId, errors, moved, lastError: reply.error };
}
