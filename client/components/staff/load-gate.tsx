import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ResultError } from '@shared/result';
import { Tappable } from '../tappable';
import { NoAccess, isNoAccess } from './staff-call-view';

interface LoadGateProps {
  loading: boolean;
  error: ResultError | null;
  onRetry: () => void;
  loadingText: string;
  children: () => ReactNode;
}

/** A form page's loading, refusal and error states (with 重试); the form once everything is in. */
export function LoadGate({ loading, error, onRetry, loadingText, children }: LoadGateProps) {
  if (error && isNoAccess(error)) return <NoAccess />;
  if (error?.code === 'NOT_FOUND') return <NoAccess missing={error} />;
  if (error) {
    return (
      <View className='state state--error' data-testid='state-error'>
        <Text className='state__text' aria-live='polite'>
          {error.message}
        </Text>
        <Tappable className='button button--primary' label='重试' testId='retry' onTap={onRetry}>
          <Text>重试</Text>
        </Tappable>
      </View>
    );
  }
  if (loading) {
    return (
      <View className='state' data-testid='state-loading'>
        <Text className='state__text' aria-live='polite'>
          {loadingText}
        </Text>
      </View>
    );
  }
  return <>{children()}</>;
}
