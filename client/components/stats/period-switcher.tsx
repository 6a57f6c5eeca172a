import { Text, View } from '@tarojs/components';
import { ActionButton } from '../staff/action-button';
import { Choices } from '../staff/choices';
import { WhenInput } from '../staff/fields';
import type { PeriodKind, StatsPeriod } from '../../hooks/use-stats-period';
import { MAX_CUSTOM_DAYS } from '../../hooks/use-stats-period';
import './stats.scss';

const KINDS: ReadonlyArray<{ value: PeriodKind; label: string }> = [
  { value: 'day', label: '日' },
  { value: 'week', label: '周' },
  { value: 'month', label: '月' },
  { value: 'year', label: '年' },
  { value: 'custom', label: '自定义' },
];

const UNIT: Record<Exclude<PeriodKind, 'custom'>, string> = { day: '天', week: '周', month: '月', year: '年' };

/** 日 / 周 / 月 / 年 / 自定义, then ‹ a date › for the first four or a from–to range for the last. */
export function PeriodSwitcher({ period }: { period: StatsPeriod }) {
  const { kind } = period;
  return (
    <View className='card period' data-testid='period'>
      <Choices look='tabs' label='统计时段' testId='period' choices={KINDS} selected={[kind]} onToggle={period.setKind} />
      {kind === 'custom' ? (
        <View>
          <View className='period__range'>
            <WhenInput mode='date' label='开始日期' value={period.from} invalid={Boolean(period.problem)} testId='period-from' onChange={(from) => period.setRange({ from })} />
            <Text className='period__to'>至</Text>
            <WhenInput mode='date' label='结束日期' value={period.to} invalid={Boolean(period.problem)} testId='period-to' onChange={(to) => period.setRange({ to })} />
          </View>
          {period.problem && (
            <Text className='field__error' data-testid='period-problem' aria-live='polite'>
              {period.problem}
            </Text>
          )}
          <Text className='period__note period__note--strong' data-testid='custom-note'>
            自定义时段只统计人次
          </Text>
          <Text className='period__note'>同一个人在不同日子的参与不能简单相加，所以人数只按日、周、月、年统计。最长 {MAX_CUSTOM_DAYS} 天。</Text>
        </View>
      ) : (
        <View>
          <View className='period__step'>
            <ActionButton small className='period__arrow' label={`上一${UNIT[kind]}`} testId='period-prev' onTap={() => period.step(-1)}>
              ‹
            </ActionButton>
            <WhenInput mode='date' label={kind === 'day' ? '选择日期' : `选择日期，显示它所在的${UNIT[kind]}`} value={period.date} testId='period-date' onChange={period.setDate} />
            <ActionButton small className='period__arrow' label={`下一${UNIT[kind]}`} disabled={!period.canStepForward} testId='period-next' onTap={() => period.step(1)}>
              ›
            </ActionButton>
          </View>
          <Text className='period__note'>{kind === 'day' ? '选择要查看的日期。' : `选任意一天，显示它所在的这一${UNIT[kind]}。`}</Text>
        </View>
      )}
    </View>
  );
}
