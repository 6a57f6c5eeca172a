import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckedAnswer, Quiz, QuizQuestion } from '@shared/contracts/quiz';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { getCheckEach, setCheckEach as rememberCheckEach } from '../services/prefs';
import { forgetQuiz, keepResult, keptQuiz } from '../services/quiz-store';
import { epochMs, secondsAfter, secondsUntil } from '../time';

/** Chosen option keys by question id. */
export type Answers = Record<string, string[]>;

/** Everything the quiz page renders and does. */
export interface QuizState {
  /** Null when the quiz is no longer in memory (the app was reopened): start again. */
  quiz: Quiz | null;
  index: number;
  question: QuizQuestion | null;
  answers: Answers;
  answeredCount: number;
  /** Seconds left when the quiz has a time limit, else null. */
  secondsLeft: number | null;
  /** The 交卷 confirmation is open (some questions are unanswered). */
  confirming: boolean;
  submitting: boolean;
  /** Why the last submit failed; 交卷 can be tapped again. */
  error: ResultError | null;
  /** Practice and drills may show right or wrong after each question; null where the mode does not allow it. */
  checkEach: boolean | null;
  setCheckEach: (on: boolean) => void;
  /** Answers graded one by one, by question id: locked, with the key, explanation and article. */
  feedback: Record<string, CheckedAnswer>;
  /** The question whose answer is being checked. */
  checking: string | null;
  checkError: ResultError | null;
  /** Checks the current question's answer (a multiple-choice question, once her choice is made). */
  check: () => void;
  go: (index: number) => void;
  /** Picks an option of the current question (toggles it in a multiple-choice question). */
  choose: (key: string) => void;
  /** 交卷: asks first when questions are unanswered, else submits. */
  askSubmit: () => void;
  cancelSubmit: () => void;
  submit: () => void;
}

function isAnswered(answers: Answers, questionId: string): boolean {
  return (answers[questionId]?.length ?? 0) > 0;
}

/** When a kept quiz runs out: its time limit counted from when it arrived (the phone's clock may be off). */
function endOf(kept: { quiz: Quiz; receivedAt: number }): number | null {
  const { deadline, timeLimitSec } = kept.quiz;
  if (deadline === null) return null;
  if (timeLimitSec !== null) return secondsAfter(kept.receivedAt, timeLimitSec);
  const end = epochMs(deadline);
  return Number.isFinite(end) ? Math.max(kept.receivedAt, end) : null;
}

/**
 * One attempt being answered: the current question, the answers, the countdown that submits at
 * zero, and one `submitQuiz` call (a second 交卷 while one is in flight does nothing). On success
 * the quiz leaves memory and `onSubmitted` opens the result.
 */
export function useQuiz(attemptId: string | undefined, onSubmitted: (attemptId: string) => void): QuizState {
  const kept = useMemo(() => (attemptId ? keptQuiz(attemptId) : null), [attemptId]);
  const quiz = kept?.quiz ?? null;
  const endsAt = useMemo(() => (kept ? endOf(kept) : null), [kept]);

  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const checkable = quiz !== null && (quiz.mode === 'practice' || quiz.mode === 'drill');
  const [checkEach, setCheckEachState] = useState(() => getCheckEach());
  const [feedback, setFeedback] = useState<Record<string, CheckedAnswer>>({});
  const [checking, setChecking] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<ResultError | null>(null);
  const feedbackRef = useRef(feedback);
  feedbackRef.current = feedback;

  const answersRef = useRef(answers);
  answersRef.current = answers;
  const inFlight = useRef(false);
  const done = useRef(false);
  const timeUp = useRef(false);
  const submitted = useRef(onSubmitted);
  submitted.current = onSubmitted;

  const question = quiz?.questions[index] ?? null;
  const answeredCount = quiz ? quiz.questions.filter((q) => isAnswered(answers, q.id)).length : 0;

  const go = useCallback(
    (to: number) => {
      if (!quiz) return;
      setIndex(Math.max(0, Math.min(quiz.questions.length - 1, to)));
    },
    [quiz],
  );

  const checkKeys = useCallback(
    (questionId: string, keys: string[]) => {
      if (!attemptId || keys.length === 0 || feedbackRef.current[questionId]) return;
      setChecking(questionId);
      setCheckError(null);
      void call('learn', 'checkAnswer', { attemptId, questionId, keys }).then((result) => {
        setChecking(null);
        if (!result.ok) {
          setCheckError(result.error);
          return;
        }
        setFeedback((prev) => ({ ...prev, [questionId]: result.data }));
        // The answer that counts is the one the server locked.
        setAnswers((prev) => ({ ...prev, [questionId]: result.data.chosen }));
      });
    },
    [attemptId],
  );

  const choose = useCallback(
    (key: string) => {
      if (!question || inFlight.current || done.current || feedbackRef.current[question.id] || checking !== null) return;
      if (question.type !== 'multiple') {
        setAnswers((prev) => ({ ...prev, [question.id]: [key] }));
        // A single choice is her whole answer: checked at once when she asked for that.
        if (checkable && checkEach) checkKeys(question.id, [key]);
        return;
      }
      setAnswers((prev) => {
        const current = prev[question.id] ?? [];
        const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
        return { ...prev, [question.id]: next };
      });
    },
    [question, checkable, checkEach, checkKeys, checking],
  );

  const check = useCallback(() => {
    if (!question) return;
    checkKeys(question.id, answersRef.current[question.id] ?? []);
  }, [question, checkKeys]);

  const setCheckEach = useCallback((on: boolean) => {
    setCheckEachState(on);
    rememberCheckEach(on);
  }, []);

  const submit = useCallback(() => {
    if (!attemptId || inFlight.current || done.current) return;
    inFlight.current = true;
    setConfirming(false);
    setSubmitting(true);
    setError(null);
    const given = Object.entries(answersRef.current)
      .filter(([, keys]) => keys.length > 0)
      .map(([questionId, keys]) => ({ questionId, keys }));
    void call('learn', 'submitQuiz', { attemptId, answers: given }).then((result) => {
      inFlight.current = false;
      if (!result.ok) {
        setSubmitting(false);
        setError(result.error);
        return;
      }
      // Stays "submitting" until the result page replaces this one; it shows this very result.
      done.current = true;
      forgetQuiz(attemptId);
      keepResult(result.data);
      submitted.current(attemptId);
    });
  }, [attemptId]);

  const askSubmit = useCallback(() => {
    if (!quiz || inFlight.current || done.current) return;
    const open = quiz.questions.filter((q) => !isAnswered(answersRef.current, q.id)).length;
    if (open > 0) setConfirming(true);
    else submit();
  }, [quiz, submit]);

  const cancelSubmit = useCallback(() => setConfirming(false), []);

  // The countdown: ticks every second and submits once at zero (a failed automatic submit is
  // left to the 交卷 button, with its error shown).
  useEffect(() => {
    if (endsAt === null) return undefined;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (at >= endsAt && !timeUp.current) {
        timeUp.current = true;
        submit();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [endsAt, submit]);

  const secondsLeft = endsAt === null ? null : secondsUntil(endsAt, now);

  return {
    quiz,
    index,
    question,
    answers,
    answeredCount,
    secondsLeft,
    confirming,
    submitting,
    error,
    checkEach: checkable ? checkEach : null,
    setCheckEach,
    feedback,
    checking,
    checkError,
    check,
    go,
    choose,
    askSubmit,
    cancelSubmit,
    submit,
  };
}
