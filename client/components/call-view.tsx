import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CallState } from '../hooks/use-call';
import { Tappable } from './tappable';

interface CallViewProps<T> {
  state: CallState<T>;
  /** Shown while the first load runs, e.g. "正在加载法律列表…". */
  loadingText: string;
  /** Shown when the data is there but has nothing to list. */
  emptyText?: string;
  isEmpty?: (data: T) => boolean;
  /** A next step offered with the empty text (nothing failed, so no 重试). */
  emptyAction?: ReactNode;
  /** Offered instead of 重试 when the record is not there (NOT_FOUND): trying again would not help. */
  missingAction?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Renders a call's loading, error and empty states in Chinese: 重试 after an error, a next step when empty. */
export function CallView<T>({ state, loadingText, emptyText, isEmpty, emptyAction, missingAction, children }: CallViewProps<T>) {
  if (state.error) {
    return (
      <View className='state state--error' data-testid='state-error'>
        <Text className='state__text' aria-live='polite'>
          {state.error.message}
        </Text>
        {state.error.code === 'NOT_FOUND' && missingAction ? (
          missingAction
        ) : (
          <Tappable className='button button--primary' label='重试' testId='retry' onTap={state.retry}>
            <Text>重试</Text>
          </Tappable>
        )}
      </View>
    );
  }
  if (state.data === null) {
    return (
      <View className='state state--loading' data-testid='state-loading'>
        <Text className='state__text' aria-live='polite'>
          {loadingText}
        </Text>
      </View>
    );
  }
  if (isEmpty?.(state.data)) {
    return (
      <View className='state state--empty' data-testid='state-empty'>
        <Text className='state__text'>{emptyText ?? '这里暂时还没有内容'}</Text>
        {emptyAction}
      </View>
    );
  }
  return <>{children(state.data)}</>;
}
