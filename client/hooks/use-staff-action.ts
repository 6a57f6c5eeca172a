import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, FnName, Input, Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';

/** A staff write (save, retire, resolve…) as a page renders it. */
export interface StaffAction<I, O> {
  busy: boolean;
  /** The last failure, kept until the next run or `clearError`. */
  error: ResultError | null;
  /** Runs the action; resolves to its data, or null when it failed (see `error`) or was already running. */
  run: (input: I) => Promise<O | null>;
  clearError: () => void;
}

/** One action that changes something: busy while it runs, a double tap sends one request. */
export function useStaffAction<F extends FnName, A extends ActionName<F>>(fn: F, action: A): StaffAction<Input<F, A>, Output<F, A>> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const running = useRef(false);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: Input<F, A>): Promise<Output<F, A> | null> => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setError(null);
      const result = await call(fn, action, input);
      running.current = false;
      if (!live.current) return null;
      setBusy(false);
      if (result.ok) return result.data;
      setError(result.error);
      return null;
    },
    [fn, action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
