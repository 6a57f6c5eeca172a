import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { Choices } from '../staff/choices';
import { countText, peopleText, percentText } from './format';
import { ScrollTable, type Column } from './scroll-table';
import './stats.scss';

type Town = Dashboard['towns'][number];
type SortKey = 'list' | 'lessonReads' | 'quizAttempts' | 'rate';

const COLUMNS: readonly Column[] = [
  { title: '镇街', width: 150, text: true },
  { title: '学法人次', width: 140 },
  { title: '答题人次', width: 140 },
  { title: '答题人数', width: 140 },
  { title: '妇女人数', width: 140 },
  { title: '参与率', width: 120 },
  { title: '建议', width: 100 },
  { title: '求助', width: 100 },
  { title: '活动', width: 100 },
];

const SORTS: ReadonlyArray<{ value: SortKey; label: string }> = [
  { value: 'list', label: '默认顺序' },
  { value: 'lessonReads', label: '学法多的在前' },
  { value: 'quizAttempts', label: '答题多的在前' },
  { value: 'rate', label: '参与率高的在前' },
];

/** Towns in the order chosen; ties and unknown rates keep the list order. */
function sorted(towns: readonly Town[], key: SortKey): Town[] {
  if (key === 'list') return [...towns];
  const value = (t: Town) => (key === 'rate' ? (t.rate ?? -1) : t[key]);
  return towns.map((t, i) => ({ t, i })).sort((a, b) => value(b.t) - value(a.t) || a.i - b.i).map(({ t }) => t);
}

/** Each town and street of the reader's scope, one row each, sortable by what staff compare. */
export function TownTable({ towns }: { towns: Dashboard['towns'] }) {
  const [sort, setSort] = useState<SortKey>('list');
  return (
    <View data-testid='town-table'>
      {towns.length > 1 && (
        <View className='town-sort'>
          <Choices label='镇街排序' testId='town-sort' choices={SORTS} selected={[sort]} onToggle={setSort} />
        </View>
      )}
      <ScrollTable
        label='各镇街参与情况'
        columns={COLUMNS}
        rows={sorted(towns, sort).map((t) => ({
          key: t.town,
          testId: 'town-row',
          data: { 'data-town': t.town },
          cells: [t.name, countText(t.lessonReads), countText(t.quizAttempts), peopleText(t.quizPeople), t.women === null ? '—' : countText(t.women), percentText(t.rate), countText(t.suggestions), countText(t.helpRequests), countText(t.activities)],
        }))}
      />
      <Text className='stats-note'>参与率 = 答题人数 ÷ 妇女人数；“—”表示还没有填妇女人数，或自定义时段不统计人数。建议单位为条，求助为件，活动为场。</Text>
    </View>
  );
}
