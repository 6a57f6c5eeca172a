import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { BarList } from './bar-list';
import { countText, durationText, peopleText } from './format';
import { FigureGrid } from './figure-grid';
import { ScrollTable, type Column } from './scroll-table';
import './stats.scss';

const ACTION_COLUMNS: readonly Column[] = [
  { title: '处理措施', width: 360, text: true },
  { title: '次数', width: 120 },
  { title: '件数', width: 120 },
];

/** 求助: requests by category and channel, acceptance, outcomes, what staff did, follow-ups. */
export function HelpArea({ help }: { help: Dashboard['help'] }) {
  return (
    <View className='card area' data-testid='area-help'>
      <Text className='area__sub'>按类别（含来访）</Text>
      <BarList unit='件' items={help.byCategory.map((c) => ({ key: c.category, label: c.category, value: c.times, testId: `help-category-${c.category}` }))} />
      <FigureGrid
        testId='help-summary'
        items={[
          { key: 'online', label: '线上求助', value: `${countText(help.online)} 件`, testId: 'help-online' },
          { key: 'visits', label: '来访接待', value: `${countText(help.visits)} 人次`, testId: 'help-visits' },
          { key: 'accepted', label: '已受理', value: `${countText(help.accepted)} 件`, testId: 'help-accepted' },
          { key: 'acceptTime', label: '平均受理时长（从登记到受理）', value: durationText(help.averageAcceptHours), testId: 'help-accept-time' },
          { key: 'followUps', label: '完成回访', value: `${countText(help.followUpsDone)} 次`, testId: 'help-follow-ups' },
        ]}
      />
      <Text className='area__sub'>结案结果</Text>
      <BarList unit='件' items={help.byOutcome.map((o) => ({ key: o.outcome, label: o.outcome, value: o.times, testId: `help-outcome-${o.outcome}` }))} />
      <Text className='area__sub'>处理措施</Text>
      <ScrollTable
        label='处理措施的次数和件数'
        columns={ACTION_COLUMNS}
        rows={help.actions.map((a) => ({ key: a.type, testId: `help-action-${a.type}`, cells: [a.type, `${countText(a.times)} 次`, a.cases === null ? '—' : `${peopleText(a.cases)} 件`] }))}
      />
      <Text className='stats-note'>次数：每记录一次算一次；件数：同一件求助多次记录只算一件（自定义时段不统计件数）。</Text>
    </View>
  );
}
