import { Text, View } from '@tarojs/components';
import './stats.scss';

export interface FigureItem {
  key: string;
  label: string;
  /** The figure with its unit, as shown: "12 条", "45.0%". */
  value: string;
  testId?: string;
}

/** Label–value pairs, two to a row. */
export function FigureGrid({ items, testId }: { items: readonly FigureItem[]; testId?: string }) {
  return (
    <View className='figures' data-testid={testId}>
      {items.map((f) => (
        <View key={f.key} className='figure' data-testid={f.testId}>
          <Text className='figure__label'>{f.label}</Text>
          <Text className='figure__value'>{f.value}</Text>
        </View>
      ))}
    </View>
  );
}
