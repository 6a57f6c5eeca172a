import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { tableRole } from './a11y';
import './stats.scss';

export interface Column {
  title: string;
  /** Width in rpx; the table scrolls sideways when the columns are wider than the phone. */
  width: number;
  /** Text columns align left; numbers align right. */
  text?: boolean;
}

export interface TableRow {
  key: string;
  cells: readonly string[];
  testId?: string;
  /** `data-*` attributes of the row, e.g. `{ 'data-town': 'shuangjiang' }`. */
  data?: Record<string, string>;
}

/** The width (rpx) a table has on a 375-wide phone inside a card: wider tables scroll, and say so. */
const FITS = 620;

/**
 * A table that keeps every column readable on a phone: cells never break a word (each column is
 * as wide as its longest cell), the table scrolls sideways with its first column kept in place,
 * and a wide one says it scrolls.
 */
export function ScrollTable({ label, columns, rows, testId }: { label: string; columns: readonly Column[]; rows: readonly TableRow[]; testId?: string }) {
  const width = columns.reduce((s, c) => s + c.width, 0);
  const cellClass = (i: number, c: Column) => `table__cell${i === 0 ? ' table__cell--first' : ''}${c.text ? ' table__cell--text' : ''}`;
  return (
    <View className='table-box'>
      <View className='table' data-testid={testId} aria-label={label} {...tableRole('table')}>
        <View className='table__inner' style={{ minWidth: Taro.pxTransform(width) }}>
          <View className='table__row table__row--head' {...tableRole('row')}>
            {columns.map((c, i) => (
              <Text key={c.title} className={cellClass(i, c)} style={{ minWidth: Taro.pxTransform(c.width) }} {...tableRole('columnheader')}>
                {c.title}
              </Text>
            ))}
          </View>
          {rows.map((row) => (
            <View key={row.key} className='table__row' data-testid={row.testId} {...row.data} {...tableRole('row')}>
              {row.cells.map((cell, i) => {
                const c = columns[i] ?? { title: '', width: 120 };
                return (
                  <Text key={c.title || i} className={cellClass(i, c)} style={{ minWidth: Taro.pxTransform(c.width) }} {...tableRole(i === 0 ? 'rowheader' : 'cell')}>
                    {cell}
                  </Text>
                );
              })}
            </View>
          ))}
        </View>
      </View>
      {width > FITS && (
        <Text className='table__hint' data-testid='table-scroll-hint' aria-hidden>
          ← 左右滑动查看全部列 →
        </Text>
      )}
    </View>
  );
}
