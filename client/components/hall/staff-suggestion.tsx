import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import type { StaffSuggestionView } from '../../hooks/use-hall-moderation';
import { dayOf } from '../../time';
import { StatusTag } from './status-tag';
import './staff-suggestion.scss';

interface StaffSuggestionProps {
  suggestion: StaffSuggestionView;
  testId: string;
}

/** A suggestion as staff read it: where and to which topic, who (hidden when anonymous), the text; actions below. */
export function StaffSuggestion({ suggestion: s, testId, children }: PropsWithChildren<StaffSuggestionProps>) {
  return (
    <View className='card staff-sg' data-testid={testId} data-suggestion-id={s.id}>
      <View className='staff-sg__head'>
        <StatusTag status={s.status} testId='staff-suggestion-status' />
        <Text className='staff-sg__date'>{dayOf(s.createdAt)}</Text>
      </View>
      <Text className='staff-sg__line'>
        <Text className='staff-sg__label'>议题：</Text>
        {s.topicTitle ?? '自由建议（不属于议题）'}
      </Text>
      <Text className='staff-sg__line'>
        <Text className='staff-sg__label'>范围：</Text>
        {s.scopeName} · <Text className='staff-sg__label'>建议人：</Text>
        {s.authorName}
        {s.townName ? `（${s.townName}）` : ''}
      </Text>
      {s.title && <Text className='staff-sg__title'>{s.title}</Text>}
      <Text className='staff-sg__content' data-testid='staff-suggestion-content'>
        {s.content}
      </Text>
      <Text className='staff-sg__line'>{s.supports} 人附议</Text>
      {children}
    </View>
  );
}
