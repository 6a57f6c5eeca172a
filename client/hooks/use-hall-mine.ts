import { useCallback, useRef, useState } from 'react';
import type { Output } from '@shared/contracts';
import { call } from '../services/cloud';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** One of my suggestions: its status history, the official reply and my rating. */
export type OwnSuggestionView = Output<'hall', 'mySuggestions'>['suggestions'][number];

/** The most a rating comment may say (the server's limit). */
export const RATING_COMMENT_MAX = 200;

/** 我的建议, and rating the reply (满意度) of an answered one. */
export interface MySuggestionsState {
  list: PagedCallState<Output<'hall', 'mySuggestions'>>;
  /** The stars chosen so far, by suggestion id (0: none yet). */
  scores: Record<string, number>;
  comments: Record<string, string>;
  setScore: (id: string, score: number) => void;
  setComment: (id: string, comment: string) => void;
  /** Sends the rating of one suggestion; the list reloads with it. */
  rate: (id: string) => void;
  ratingId: string | null;
  /** Why a rating was not sent, by suggestion id. */
  errors: Record<string, string>;
  /** Ratings just sent, shown at once while the list reloads. */
  sent: Record<string, { score: number; comment: string }>;
}

const merge = appendPages<Output<'hall', 'mySuggestions'>, 'suggestions'>('suggestions');

/** My suggestions newest first, reloaded when the page shows again; 满意度 once a reply is in. */
export function useHallMine(): MySuggestionsState {
  const list = usePagedCall('hall', 'mySuggestions', {}, merge);
  useRefreshOnShow(list.retry);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [ratingId, setRatingId] = useState<string | null>(null);
  const [sent, setSent] = useState<MySuggestionsState['sent']>({});
  const busy = useRef(false);

  const setScore = useCallback((id: string, score: number) => {
    setScores((s) => ({ ...s, [id]: score }));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);
  const setComment = useCallback((id: string, comment: string) => setComments((c) => ({ ...c, [id]: comment.slice(0, RATING_COMMENT_MAX) })), []);

  const { retry } = list;
  const rate = useCallback(
    (id: string) => {
      if (busy.current) return;
      const score = scores[id] ?? 0;
      if (score < 1 || score > 5) {
        setErrors((e) => ({ ...e, [id]: '请先点星星选择满意程度（1 到 5 颗星）' }));
        return;
      }
      busy.current = true;
      setRatingId(id);
      setErrors(({ [id]: _gone, ...rest }) => rest);
      const comment = (comments[id] ?? '').trim();
      void call('hall', 'rateReply', { suggestionId: id, score, ...(comment ? { comment } : {}) }).then((result) => {
        busy.current = false;
        setRatingId(null);
        if (!result.ok) {
          setErrors((e) => ({ ...e, [id]: result.error.message }));
          return;
        }
        setSent((r) => ({ ...r, [id]: { score, comment } }));
        retry();
      });
    },
    [scores, comments, retry],
  );

  return { list, scores, comments, setScore, setComment, rate, ratingId, errors, sent };
}
