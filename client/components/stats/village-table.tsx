import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { countText, peopleText } from './format';
import { ScrollTable, type Column } from './scroll-table';
import './stats.scss';

const COLUMNS: readonly Column[] = [
  { title: '村（社区）', width: 220, text: true },
  { title: '学法人次', width: 140 },
  { title: '答题人次', width: 140 },
  { title: '答题人数', width: 140 },
  { title: '建议', width: 100 },
  { title: '求助', width: 100 },
];

/** Villages and communities of the reader's scope: where in a town the participation comes from. */
export function VillageTable({ villages }: { villages: Dashboard['villages'] }) {
  return (
    <View data-testid='village-table'>
      <ScrollTable
        label='各村（社区）参与情况'
        columns={COLUMNS}
        rows={villages.map((v) => ({
          key: v.village,
          testId: 'village-row',
          data: { 'data-village': v.village },
          cells: [v.name, countText(v.lessonReads), countText(v.quizAttempts), peopleText(v.quizPeople), countText(v.suggestions), countText(v.helpRequests)],
        }))}
      />
      <Text className='stats-note'>只计入选了村（社区）的人；没选村（社区）或不方便说的，只计入镇街。</Text>
    </View>
  );
}
