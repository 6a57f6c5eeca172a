import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ResultError } from '@shared/result';
import { CallView } from '../call-view';
import type { CallState } from '../../hooks/use-call';
import './staff.scss';

/** Whether an error means "this person may not use the workbench". */
export function isNoAccess(error: ResultError | null): boolean {
  return error?.code === 'FORBIDDEN' || error?.code === 'UNAUTHENTICATED';
}

/** 无权限: shown instead of a staff page to people who are not district staff. */
export function NoAccess({ error }: { error: ResultError }) {
  return (
    <View className='card no-access' data-testid='no-access' aria-live='polite'>
      <Text className='no-access__title'>无权限</Text>
      <Text className='no-access__text'>
        {error.code === 'UNAUTHENTICATED' ? error.message : '工作台只对区妇联工作人员开放。如需使用，请联系区妇联管理员开通权限。'}
      </Text>
    </View>
  );
}

interface StaffCallViewProps<T> {
  state: CallState<T>;
  loadingText: string;
  emptyText?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** `CallView` for staff pages: a refused call shows 无权限 rather than an error to retry. */
export function StaffCallView<T>({ state, ...rest }: StaffCallViewProps<T>) {
  if (state.error && isNoAccess(state.error)) return <NoAccess error={state.error} />;
  return <CallView state={state} {...rest} />;
}
