import { Text, View } from '@tarojs/components';
import { HallDesk } from '../../../components/hall/hall-desk';
import { StaffPage } from '../../../components/staff/staff-page';
import { Tappable } from '../../../components/tappable';
import { useProfile } from '../../../hooks/use-profile';
import { useStaffHome } from '../../../hooks/use-staff-home';
import { openPage, ROUTES } from '../../../routes';
import { STAFF_ROUTES } from '../../routes';
import { HelpDesk } from '../cases/help-desk';
import './index.scss';

interface DeskCardProps {
  name: string;
  desc: string;
  url: string;
  testId: string;
  /** A number to show on the card (open reports); undefined for none, null while unknown. */
  badge?: number | null;
}

function DeskCard({ name, desc, url, testId, badge }: DeskCardProps) {
  const count = badge === undefined ? '' : badge === null ? '，待处理数量暂时无法读取' : `，待处理 ${badge} 条`;
  return (
    <Tappable className='card desk-card' role='link' testId={testId} label={`${name}${count}：${desc}`} onTap={() => openPage(url)}>
      <View className='desk-card__text'>
        <Text className='desk-card__name'>{name}</Text>
        <Text className='desk-card__desc'>{desc}</Text>
      </View>
      {badge !== undefined && badge !== null && (
        <View className={`desk-card__badge${badge === 0 ? ' desk-card__badge--zero' : ''}`}>
          <Text>待处理 </Text>
          <Text data-testid='open-report-count'>{badge}</Text>
        </View>
      )}
      <Text className='desk-card__go'>›</Text>
    </Tappable>
  );
}

/** 工作台: the hall (and service) cards for every staff role; questions, imports, campaigns, 纠错 and lessons for the district. */
function StaffHomeBody() {
  const profile = useProfile({ cached: true });
  const role = profile.data?.role ?? null;
  // Learning content is the district's to manage; the hall (and service) cards are every staff role's.
  const district = role === 'district' || role === 'admin';
  const open = useStaffHome(district);
  const openCount = open.data ? open.data.total : null;
  return (
    <>
      <View className='staff-head'>
        <Text className='staff-head__title'>工作台</Text>
        <Text className='staff-head__sub'>本辖区的建议、服务和学法工作</Text>
      </View>
      <HelpDesk />
      <HallDesk role={role} />
      <View data-testid='desk-stats'>
        <DeskCard name='参与统计' desc='学法、答题、议事、求助和线下活动的人次、人数' url={ROUTES.staffStats} testId='desk-stats-dashboard' />
        <DeskCard name='年度报告数据' desc='按年度总结报告的口径生成数字和文字' url={ROUTES.staffStatsAnnual} testId='desk-stats-annual' />
        <DeskCard name='线下活动' desc='讲座、培训、宣传资料发放、走访的登记' url={ROUTES.staffActivities} testId='desk-activities' />
      </View>
      {(role === 'town' || district) && <DeskCard name='工作人员' desc='邀请工作人员，停用账号，调整所在地' url={ROUTES.staffPeople} testId='desk-people' />}
      {district && (
        <View data-testid='desk-learn'>
          <DeskCard name='纠错处理' desc='用户对题目的纠错反馈' url={STAFF_ROUTES.reports} testId='desk-reports' badge={openCount} />
          <DeskCard name='题库管理' desc='查找、修改、停用和恢复题目' url={STAFF_ROUTES.questions} testId='desk-questions' />
          <DeskCard name='导入题目' desc='从 Excel 或 CSV 表格批量导入' url={STAFF_ROUTES.import} testId='desk-import' />
          <DeskCard name='答题活动' desc='活动时间、题数、比例和及格分' url={STAFF_ROUTES.campaigns} testId='desk-campaigns' />
          <DeskCard name='课程管理' desc='每部法律的课程：修改、新增、移除和恢复' url={STAFF_ROUTES.lessons} testId='desk-lessons' />
          <DeskCard name='镇街妇女人数' desc='参与率的分母：各镇街的妇女人数' url={ROUTES.staffTowns} testId='desk-towns' />
          <DeskCard name='村（社区）管理' desc='新增、改名、停用、合并村（社区），设置工作室，从表格导入' url={ROUTES.staffPlaces} testId='desk-places' />
        </View>
      )}
    </>
  );
}

export default function StaffHomePage() {
  return (
    <StaffPage testId='staff-home' need='staff'>
      <StaffHomeBody />
    </StaffPage>
  );
}
