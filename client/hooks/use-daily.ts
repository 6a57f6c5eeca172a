import { useCallback, useRef, useState } from 'react';
import type { Quiz, QuizResult } from '@shared/contracts/quiz';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { forgetQuiz } from '../services/quiz-store';

/** 每日一题 as it is answered: one question, the answer graded as soon as it is given. */
export interface DailyState {
  chosen: string[];
  /** Picks an option; a single choice is sent at once, a multiple choice waits for `confirm`. */
  choose: (key: string) => void;
  confirm: () => void;
  sending: boolean;
  error: ResultError | null;
  /** The graded answer, with the right answer, the explanation and the article. */
  result: QuizResult | null;
}

/** Answers 每日一题 with one call: choose → right or wrong, the explanation and the article. */
export function useDailyAnswer(quiz: Quiz | null): DailyState {
  const [chosen, setChosen] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const [result, setResult] = useState<QuizResult | null>(null);
  const busy = useRef(false);
  const question = quiz?.questions[0] ?? null;

  const send = useCallback(
    (keys: string[]) => {
      if (!quiz || !question || busy.current || result || keys.length === 0) return;
      busy.current = true;
      setSending(true);
      setError(null);
      void call('learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [{ questionId: question.id, keys }] }).then((out) => {
        busy.current = false;
        setSending(false);
        if (!out.ok) {
          setError(out.error);
          return;
        }
        forgetQuiz(quiz.attemptId);
        setResult(out.data);
      });
    },
    [quiz, question, result],
  );

  const choose = useCallback(
    (key: string) => {
      if (!question || busy.current || result) return;
      if (question.type !== 'multiple') {
        setChosen([key]);
        send([key]);
        return;
      }
      setChosen((prev) => (prev.includes(key) ? prev.filter((k) => k !== key) : [...prev, key]));
    },
    [question, result, send],
  );

  const confirm = useCallback(() => send(chosen), [send, chosen]);
  return { chosen, choose, confirm, sending, error, result };
}
