import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, FnName, Input, Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';

/** What a page renders for one call: loading, the data, or an error it can retry. */
export interface CallState<T> {
  loading: boolean;
  data: T | null;
  error: ResultError | null;
  /** Runs the call again (after an error, or when the caller's identity changed). */
  retry: () => void;
}

/**
 * Runs one action when the page shows it and whenever its input changes. `input: null` means
 * "not ready" (a missing route parameter): nothing is called and `missing` becomes the error.
 */
export function useCall<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: Input<F, A> | null,
  missing: ResultError = { code: 'BAD_REQUEST', message: '页面地址不完整，请返回后重新打开' },
): CallState<Output<F, A>> {
  const [state, setState] = useState<Omit<CallState<Output<F, A>>, 'retry'>>({ loading: input !== null, data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  // The input's value, not its identity, decides when to call again.
  const key = input === null ? null : JSON.stringify(input);
  const missingMessage = missing.message;
  const missingCode = missing.code;

  useEffect(() => {
    if (key === null) {
      setState({ loading: false, data: null, error: { code: missingCode, message: missingMessage } });
      return undefined;
    }
    const id = ++latest.current;
    setState((prev) => ({ loading: true, data: prev.data, error: null }));
    void call(fn, action, JSON.parse(key) as Input<F, A>).then((result) => {
      if (id !== latest.current) return; // a newer call (or unmount) superseded this one
      setState(result.ok ? { loading: false, data: result.data, error: null } : { loading: false, data: null, error: result.error });
    });
    return () => {
      latest.current += 1;
    };
  }, [fn, action, key, attempt, missingCode, missingMessage]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
