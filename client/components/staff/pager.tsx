import { Text, View } from '@tarojs/components';
import { ActionButton } from './action-button';
import './staff.scss';

interface PagerProps {
  page: number;
  pageCount: number;
  /** e.g. "共 210 题". */
  summary: string;
  onPrev: () => void;
  onNext: () => void;
  testId?: string;
}

/** 上一页 / 下一页 with where we are. */
export function Pager({ page, pageCount, summary, onPrev, onNext, testId }: PagerProps) {
  return (
    <View className='pager' data-testid={testId}>
      <ActionButton small label='上一页' disabled={page <= 1} onTap={onPrev} testId={testId ? `${testId}-prev` : undefined}>
        上一页
      </ActionButton>
      <Text className='pager__text'>
        {summary} · 第 {page}/{pageCount} 页
      </Text>
      <ActionButton small label='下一页' disabled={page >= pageCount} onTap={onNext} testId={testId ? `${testId}-next` : undefined}>
        下一页
      </ActionButton>
    </View>
  );
}

interface ListPagerProps {
  /** Where the list is and how to move (from the list's hook). */
  paging: { page: number; pageCount: number; goTo: (page: number) => void };
  total: number;
  pageSize: number;
  testId: string;
}

/** The pager under a list of records (共 N 条), shown only when there is more than one page. */
export function ListPager({ paging, total, pageSize, testId }: ListPagerProps) {
  if (total <= pageSize) return null;
  return <Pager testId={testId} page={paging.page} pageCount={paging.pageCount} summary={`共 ${total} 条`} onPrev={() => paging.goTo(paging.page - 1)} onNext={() => paging.goTo(paging.page + 1)} />;
}
