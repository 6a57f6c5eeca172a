import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Tappable } from '../tappable';
import { drawn } from './a11y';
import { barPercent, countText } from './format';
import './stats.scss';

export interface TrendPoint {
  key: string;
  label: string;
  times: number;
}

interface TrendChartProps {
  /** The server's metric name; the chart's test id is `trend-<metric>`. */
  metric: string;
  title: string;
  unit: string;
  points: readonly TrendPoint[];
}

/** Labels under the bars: every one when few, else the first, middle and last. */
function ticksOf(points: readonly TrendPoint[]): string[] {
  if (points.length <= 7) return points.map((p) => p.label);
  const mid = points[Math.floor((points.length - 1) / 2)];
  return [points[0]?.label ?? '', mid?.label ?? '', points[points.length - 1]?.label ?? ''];
}

/**
 * A column chart drawn with views (no chart library: the staff subpackage must stay small): each
 * bar's height is its share of the largest value and it is announced with its exact figure; the
 * same numbers are one tap away as a list.
 */
export function TrendChart({ metric, title, unit, points }: TrendChartProps) {
  const [listed, setListed] = useState(false);
  const max = points.reduce((m, p) => Math.max(m, p.times), 0);
  const total = points.reduce((s, p) => s + p.times, 0);
  const few = points.length <= 7;
  return (
    <View className='card chart' data-testid={`trend-${metric}`}>
      <View className='chart__head'>
        <Text className='chart__title'>{title}</Text>
        <Text className='chart__sum' data-testid={`trend-${metric}-total`}>
          合计 {countText(total)} {unit}
        </Text>
      </View>
      <View className='chart__plot'>
        <Text className='chart__max'>{max > 0 ? `最高 ${countText(max)}` : '没有记录'}</Text>
        <View className='chart__bars'>
          {points.map((p) => (
            <View key={p.key} className={`chart__col${few ? ' chart__col--roomy' : ''}`} {...drawn(`${p.label}：${p.times} ${unit}`)}>
              {few && <Text className='chart__value'>{countText(p.times)}</Text>}
              <View className='chart__bar' style={{ height: barPercent(p.times, max) }} />
            </View>
          ))}
        </View>
        <View className={`chart__ticks${few ? ' chart__ticks--even' : ''}`}>
          {ticksOf(points).map((label, i) => (
            <Text key={`${label}-${i}`} className='chart__tick'>
              {label}
            </Text>
          ))}
        </View>
      </View>
      <Tappable className='chart__toggle' label={`${listed ? '收起' : '查看'}${title}的逐项数字`} testId={`trend-${metric}-toggle`} onTap={() => setListed(!listed)}>
        <Text>{listed ? '收起数字 ▲' : '查看逐项数字 ▼'}</Text>
      </Tappable>
      {listed && (
        <View className='chart__table' data-testid={`trend-${metric}-table`}>
          {points.map((p) => (
            <Text key={p.key} className='chart__cell'>
              <Text className='chart__cell-label'>{p.label}</Text> <Text className={p.times > 0 ? 'chart__cell-value' : ''}>{countText(p.times)}</Text>
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
