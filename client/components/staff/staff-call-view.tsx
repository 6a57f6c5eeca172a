import type { ReactNode } from 'react';
import type { ResultError } from '@shared/result';
import { CallView } from '../call-view';
import type { CallState } from '../../hooks/use-call';
import { useProfile } from '../../hooks/use-profile';
import { Refusal } from './refusal';
import './staff.scss';

/** Whether an error means "this is not for this person" (her role, or a record outside her area). */
export function isNoAccess(error: ResultError | null): boolean {
  return error?.code === 'FORBIDDEN' || error?.code === 'UNAUTHENTICATED';
}

/** The refusal shown when a staff call was refused, or found nothing: in the words that fit the reader's role. */
export function NoAccess({ missing }: { missing?: ResultError }) {
  const profile = useProfile({ cached: true });
  return <Refusal role={profile.data?.role ?? null} need={missing ? 'missing' : 'scope'} what={missing?.message} />;
}

interface StaffCallViewProps<T> {
  state: CallState<T>;
  loadingText: string;
  emptyText?: string;
  isEmpty?: (data: T) => boolean;
  /** A next step shown with the empty text (instead of 重试, which suggests something failed). */
  emptyAction?: ReactNode;
  children: (data: T) => ReactNode;
}

/** `CallView` for staff pages: a refused call shows the refusal rather than an error to retry. */
export function StaffCallView<T>({ state, ...rest }: StaffCallViewProps<T>) {
  if (state.error && isNoAccess(state.error)) return <NoAccess />;
  if (state.error?.code === 'NOT_FOUND') return <NoAccess missing={state.error} />;
  return <CallView state={state} {...rest} />;
}
