import { useCallback, useEffect, useState } from 'react';
import type { ResultError } from '@shared/result';
import { currentDevOpenid, listDevPeople, signInAs, signOut, type DevPerson } from '../services/dev-signin';

/** State of the local development sign-in (browser builds only; inert in WeChat). */
export interface DevSignInState {
  available: boolean;
  loading: boolean;
  people: DevPerson[];
  error: ResultError | null;
  current: string | null;
  signIn: (openid: string) => void;
  signOut: () => void;
  retry: () => void;
}

/** Lists the local host's sample people and switches the browser's identity between them. */
export function useDevSignIn(onChange: () => void): DevSignInState {
  const [people, setPeople] = useState<DevPerson[]>([]);
  const [loading, setLoading] = useState(process.env.TARO_ENV === 'h5');
  const [error, setError] = useState<ResultError | null>(null);
  const [current, setCurrent] = useState<string | null>(() => (process.env.TARO_ENV === 'h5' ? currentDevOpenid() : null));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    let live = true;
    setLoading(true);
    setError(null);
    void listDevPeople().then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) setPeople(result.data.people);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const signIn = useCallback(
    (openid: string) => {
      signInAs(openid);
      setCurrent(currentDevOpenid());
      onChange();
    },
    [onChange],
  );
  const leave = useCallback(() => {
    signOut();
    setCurrent(null);
    onChange();
  }, [onChange]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { available: process.env.TARO_ENV === 'h5', loading, people, error, current, signIn, signOut: leave, retry };
}
