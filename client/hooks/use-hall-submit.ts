import { useCallback, useRef, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { askForStatusNotices } from '../services/subscribe';

/** The server's limits on a suggestion (hall contract). */
export const CONTENT_MIN = 10;
export const CONTENT_MAX = 1000;
export const TITLE_MAX = 40;

/** What the server answered to a submit: the new suggestion, and whether it waits for review. */
export type Submitted = Output<'hall', 'submitSuggestion'>;

/** The suggestion form: what she typed, its checks, and sending it once. */
export interface SuggestionFormState {
  title: string;
  content: string;
  anonymous: boolean;
  setTitle: (title: string) => void;
  setContent: (content: string) => void;
  toggleAnonymous: () => void;
  /** Characters of the content as it will be sent (spaces at either end do not count). */
  count: number;
  /** What is wrong with the content, once a submit was tried (or it ran over the limit). */
  problem: string | null;
  submitting: boolean;
  error: ResultError | null;
  /** Asks for status notices, then sends; `onDone` gets the server's answer. */
  submit: () => void;
}

function problemOf(count: number): string | null {
  if (count < CONTENT_MIN) return `建议至少写 ${CONTENT_MIN} 个字，现在是 ${count} 个字`;
  if (count > CONTENT_MAX) return `建议最多 ${CONTENT_MAX} 个字，请删掉 ${count - CONTENT_MAX} 个字`;
  return null;
}

/** A suggestion to a topic (or a free one): title, content, 匿名发表, and submit. */
export function useHallSubmit(topicId: string | undefined, onDone: (submitted: Submitted) => void): SuggestionFormState {
  const [title, setTitleState] = useState('');
  const [content, setContentState] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [tried, setTried] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const busy = useRef(false);
  const done = useRef(onDone);
  done.current = onDone;

  const count = content.trim().length;
  const problem = tried || count > CONTENT_MAX ? problemOf(count) : null;

  const setTitle = useCallback((text: string) => setTitleState(text.slice(0, TITLE_MAX)), []);
  const setContent = useCallback((text: string) => setContentState(text), []);
  const toggleAnonymous = useCallback(() => setAnonymous((a) => !a), []);

  const submit = useCallback(() => {
    if (busy.current) return;
    setTried(true);
    const text = content.trim();
    if (problemOf(text.length) !== null) return;
    busy.current = true;
    setSubmitting(true);
    setError(null);
    const heading = title.trim();
    // The subscribe prompt must start within the tap itself, so it goes first; her answer does not matter.
    void askForStatusNotices()
      .then(() => call('hall', 'submitSuggestion', { ...(topicId ? { topicId } : {}), ...(heading ? { title: heading } : {}), content: text, anonymous }))
      .then((result) => {
        busy.current = false;
        setSubmitting(false);
        if (result.ok) done.current(result.data);
        else setError(result.error);
      });
  }, [content, title, anonymous, topicId]);

  return { title, content, anonymous, setTitle, setContent, toggleAnonymous, count, problem, submitting, error, submit };
}
