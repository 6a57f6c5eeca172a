import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';
import { useStaffAction } from './use-staff-action';

/** A suggestion as staff handle it (author hidden when anonymous). */
export type StaffSuggestionView = Output<'hall', 'moderationQueue'>['suggestions'][number];
export type ModerationDecision = 'publish' | 'reject';

/** The most a reason may say (the server's limit). */
export const MODERATION_REASON_MAX = 200;

export interface HallModeration {
  list: PagedCallState<Output<'hall', 'moderationQueue'>>;
  /** The reason typed for each held suggestion, by id. */
  reasons: Record<string, string>;
  setReason: (id: string, reason: string) => void;
  /** 公开 or 不通过 (which needs a reason the author will read); the list reloads after. */
  decide: (id: string, decision: ModerationDecision) => void;
  decidingId: string | null;
  /** A problem with one decision (missing reason, or the server's refusal), by id. */
  errors: Record<string, string>;
  lastError: ResultError | null;
}

const merge = appendPages<Output<'hall', 'moderationQueue'>, 'suggestions'>('suggestions');

/** 建议审核: suggestions held by the content check in my area, published or rejected with a reason. */
export function useHallModeration(): HallModeration {
  const list = usePagedCall('hall', 'moderationQueue', {}, merge);
  useRefreshOnShow(list.retry);
  const moderate = useStaffAction('hall', 'moderate');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [decidingId, setDecidingId] = useState<string | null>(null);

  const setReason = useCallback((id: string, reason: string) => {
    setReasons((r) => ({ ...r, [id]: reason.slice(0, MODERATION_REASON_MAX) }));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);

  const { run } = moderate;
  const { retry } = list;
  const decide = useCallback(
    (id: string, decision: ModerationDecision) => {
      const reason = (reasons[id] ?? '').trim();
      if (decision === 'reject' && reason.length < 2) {
        setErrors((e) => ({ ...e, [id]: '不通过要写明理由，建议人会看到（至少 2 个字）' }));
        return;
      }
      setDecidingId(id);
      setErrors(({ [id]: _gone, ...rest }) => rest);
      void run({ suggestionId: id, decision, ...(reason ? { reason } : {}) }).then((out) => {
        setDecidingId(null);
        if (!out) {
          setErrors((e) => ({ ...e, [id]: '没有处理成功，请看上面的提示后重试' }));
          return;
        }
        retry();
      });
    },
    [reasons, run, retry],
  );

  return { list, reasons, setReason, decide, decidingId, errors, lastError: moderate.error };
}
