import { Text, View } from '@tarojs/components';
import { HELP_CATEGORIES, type HelpCategory } from '@shared/domain/help';
import { StaffPage } from '../../../components/staff/staff-page';
import { Choices } from '../../../components/staff/choices';
import { ListPager } from '../../../components/staff/pager';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { useCases, type CaseTab } from '../../../hooks/use-cases';
import { CaseRow } from './case-row';
import './index.scss';

const TABS: ReadonlyArray<{ value: CaseTab; label: string }> = [
  { value: 'open', label: '进行中' },
  { value: 'closed', label: '已结案' },
];

const ALL = '全部';
const CATEGORY_CHOICES = [ALL, ...HELP_CATEGORIES].map((c) => ({ value: c, label: c }));

/** 服务记录 (staff): the cases of my area, masked; urgent and overdue first. */
function StaffCasesBody() {
  const queue = useCases();
  return (
    <>
      <Choices look='tabs' label='服务记录状态' testId='case-tab' choices={TABS} selected={[queue.tab]} onToggle={queue.setTab} />
      <View className='case-filter'>
        <Choices
          label='类别'
          testId='case-category'
          choices={CATEGORY_CHOICES}
          selected={[queue.category ?? ALL]}
          onToggle={(c) => queue.setCategory(c === ALL ? null : (c as HelpCategory))}
        />
      </View>
      <StaffCallView state={queue.list} loadingText='正在加载服务记录…' emptyText={queue.tab === 'open' ? '没有进行中的服务记录' : '没有已结案的服务记录'} isEmpty={(d) => d.total === 0}>
        {(data) => (
          <View data-testid='case-list'>
            <Text className='staff-note'>
              共 {data.total} 条{queue.list.loading ? '，正在刷新…' : ''}。列表只显示打码的电话；打开详情会留下查看记录。
            </Text>
            {data.cases.map((c) => (
              <CaseRow key={c.id} c={c} />
            ))}
            <ListPager testId='case-pager' paging={queue.paging} total={data.total} pageSize={data.pageSize} />
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffCasesPage() {
  return (
    <StaffPage testId='staff-cases' need='staff'>
      <StaffCasesBody />
    </StaffPage>
  );
}
