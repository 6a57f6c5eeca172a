import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ListPager } from '../../../components/staff/pager';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { useCaseFollowUps } from '../../../hooks/use-cases';
import { CaseRow } from '../cases/case-row';
import '../cases/index.scss';

/** 回访提醒: follow-up visits due within three days after a warning letter or a protection order. */
function StaffFollowUpsBody() {
  const { list, paging } = useCaseFollowUps();
  return (
    <>
      <Text className='staff-note'>出具告诫书或申请人身安全保护令后 7 天需要回访。这里列出三天内到期和已经过期的回访；回访后在记录里选「回访」保存即可。</Text>
      <StaffCallView state={list} loadingText='正在加载回访提醒…' emptyText='近期没有需要回访的记录' isEmpty={(d) => d.total === 0}>
        {(data) => (
          <View data-testid='follow-up-list'>
            {data.cases.map((c) => (
              <CaseRow key={c.id} c={c} />
            ))}
            <ListPager testId='follow-up-pager' paging={paging} total={data.total} pageSize={data.pageSize} />
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffFollowUpsPage() {
  return (
    <StaffPage testId='staff-follow-ups' need='staff'>
      <StaffFollowUpsBody />
    </StaffPage>
  );
}
