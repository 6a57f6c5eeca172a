import { Text, View } from '@tarojs/components';
import { drawn } from './a11y';
import { barPercent, countText } from './format';
import './stats.scss';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Test id of the row, e.g. `help-category-家庭暴力`. */
  testId?: string;
}

/** Horizontal bars with their exact values beside them (categories, kinds of action). */
export function BarList({ items, unit, testId }: { items: readonly BarItem[]; unit: string; testId?: string }) {
  const max = items.reduce((m, i) => Math.max(m, i.value), 0);
  return (
    <View data-testid={testId}>
      {items.map((item) => (
        <View key={item.key} className='bars__row' data-testid={item.testId}>
          <Text className='bars__label'>{item.label}</Text>
          <View className='bars__track' {...drawn(`${item.label}：${item.value} ${unit}`)}>
            <View className='bars__fill' style={{ width: barPercent(item.value, max) }} />
          </View>
          <Text className='bars__value'>
            {countText(item.value)} {unit}
          </Text>
        </View>
      ))}
    </View>
  );
}
