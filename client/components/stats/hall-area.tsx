import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { countText, decimalText, durationText, percentText } from './format';
import { FigureGrid, type FigureItem } from './figure-grid';
import './stats.scss';

type Hall = Dashboard['hall'];

/** 议事厅: what happened to the suggestions of the period, in the order they move through. */
export function HallArea({ hall }: { hall: Hall }) {
  const n = (v: number, unit = '条') => `${countText(v)} ${unit}`;
  const items: Array<FigureItem & { key: keyof Hall }> = [
    { key: 'submitted', label: '提交建议', value: n(hall.submitted) },
    { key: 'published', label: '直接公开', value: n(hall.published) },
    { key: 'held', label: '转人工审核', value: n(hall.held) },
    { key: 'rejected', label: '未通过', value: n(hall.rejected) },
    { key: 'accepted', label: '已受理', value: n(hall.accepted) },
    { key: 'adopted', label: '已采纳', value: n(hall.adopted) },
    { key: 'declined', label: '未采纳', value: n(hall.declined) },
    { key: 'answered', label: '已答复', value: n(hall.answered) },
    { key: 'adoptionRate', label: '采纳率', value: percentText(hall.adoptionRate) },
    { key: 'supports', label: '附议', value: n(hall.supports, '次') },
    { key: 'averageReplyHours', label: '平均答复时长（从提交到答复）', value: durationText(hall.averageReplyHours) },
    { key: 'averageRating', label: '平均满意度（已评价的答复）', value: hall.averageRating === null ? '—' : `${decimalText(hall.averageRating)} 分（满分 5）` },
  ];
  return (
    <View className='card area' data-testid='area-hall'>
      <FigureGrid items={items.map((i) => ({ ...i, testId: `hall-${i.key}` }))} />
      <Text className='stats-note'>按本时段内发生的事计数（如“已采纳”是本时段内被采纳的建议）；采纳率 = 采纳 ÷（采纳 + 未采纳）。</Text>
    </View>
  );
}
