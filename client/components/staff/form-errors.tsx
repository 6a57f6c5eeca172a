import { Text, View } from '@tarojs/components';
import type { ResultError } from '@shared/result';
import './staff.scss';

/** What went wrong with a save, as a list: the message, then each problem with the field's name. */
export function FormErrors({ error, problems = [], testId = 'form-errors' }: { error: ResultError | null; problems?: readonly string[]; testId?: string }) {
  if (!error && problems.length === 0) return null;
  return (
    <View className='form-errors' data-testid={testId} aria-live='polite'>
      <Text className='form-errors__title'>{error ? `${error.code === 'FORBIDDEN' ? '无权限：' : ''}${error.message}` : '请先改正下面的问题'}</Text>
      {problems.map((p) => (
        <Text key={p} className='form-errors__item'>
          · {p}
        </Text>
      ))}
    </View>
  );
}
