import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '../hooks/use-large-text';

/** The root of every page: applies 大字模式, which scales the font-size variables. */
export function Page({ className, testId, children }: PropsWithChildren<{ className?: string; testId?: string }>) {
  const { largeText } = useLargeText();
  return (
    <View className={`page${largeText ? ' page--large' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {children}
    </View>
  );
}
