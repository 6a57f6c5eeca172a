import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { countText, decimalText, peopleText, percentText } from './format';
import { FigureGrid } from './figure-grid';
import { ScrollTable, type Column } from './scroll-table';
import './stats.scss';

const COLUMNS: readonly Column[] = [
  { title: '法律', width: 250, text: true },
  { title: '阅读', width: 100 },
  { title: '答题', width: 100 },
  { title: '人数', width: 100 },
  { title: '正确率', width: 120 },
  { title: '及格', width: 100 },
];

/** 学法答题: per law reads, attempts, people, accuracy and passes; average score, pass rate, hardest questions. */
export function LearnArea({ learn }: { learn: Dashboard['learn'] }) {
  return (
    <View className='card area' data-testid='area-learn'>
      <Text className='area__sub'>各部法律</Text>
      <ScrollTable
        label='各部法律的学法和答题'
        columns={COLUMNS}
        rows={learn.perLaw.map((l) => ({
          key: l.lawId,
          testId: 'law-row',
          data: { 'data-law': l.lawId },
          cells: [l.lawShort, countText(l.reads), countText(l.attempts), peopleText(l.people), percentText(l.accuracy), countText(l.passes)],
        }))}
      />
      <Text className='stats-note'>阅读、答题、及格单位为人次；正确率 = 答对题数 ÷ 作答题数。</Text>
      <FigureGrid
        testId='learn-summary'
        items={[
          { key: 'avg', label: '平均分（全部答题）', value: learn.averageScore === null ? '—' : `${decimalText(learn.averageScore)} 分`, testId: 'learn-average' },
          { key: 'pass', label: '及格率（答题活动）', value: percentText(learn.passRate), testId: 'learn-pass-rate' },
        ]}
      />
      <Text className='stats-note'>平均分：这段时间每一次答题（练习、每日一题、错题重做和答题活动）的平均得分，满分 100。及格率：只算设了及格线的答题活动，及格的次数 ÷ 参加的次数。</Text>
      <Text className='area__sub'>最难的题</Text>
      <Text className='stats-note' data-testid='hardest-scope'>
        按错误率排列，统计范围：{learn.hardestScope}（逐题数据只按全区记录）。
      </Text>
      {learn.hardest.length === 0 ? (
        <Text className='muted'>这个时段还没有答错的题。</Text>
      ) : (
        <View data-testid='hardest'>
          {learn.hardest.map((h, i) => (
            <View key={h.questionId} className='hard' data-testid='hardest-row' data-question={h.questionId}>
              <Text className='hard__stem'>
                {i + 1}. {h.stem}
              </Text>
              <Text className='hard__meta'>
                {h.lawShort} · 作答 {countText(h.answered)} 次，答错 {countText(h.wrong)} 次 · 错误率 <Text className='hard__rate'>{percentText(h.wrongRate)}</Text>
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
