import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { countText } from './format';
import { ScrollTable, type Column } from './scroll-table';
import './stats.scss';

const COLUMNS: readonly Column[] = [
  { title: '类型', width: 220, text: true },
  { title: '场次', width: 100 },
  { title: '覆盖人次', width: 150 },
  { title: '资料份数', width: 150 },
];

/** 线下活动 by type: sessions, people reached, materials handed out. */
export function OfflineArea({ offline }: { offline: Dashboard['offline'] }) {
  const total = offline.reduce((s, o) => ({ count: s.count + o.count, reached: s.reached + o.reached, materials: s.materials + o.materials }), { count: 0, reached: 0, materials: 0 });
  return (
    <View className='card area' data-testid='area-offline'>
      <ScrollTable
        label='线下活动按类型'
        columns={COLUMNS}
        rows={[
          ...offline.map((o) => ({ key: o.type, testId: `offline-${o.type}`, cells: [o.type, countText(o.count), countText(o.reached), countText(o.materials)] })),
          { key: 'total', testId: 'offline-total', cells: ['合计', countText(total.count), countText(total.reached), countText(total.materials)] },
        ]}
      />
      <Text className='stats-note'>由工作人员在“线下活动”里登记，按活动日期统计。</Text>
    </View>
  );
}
