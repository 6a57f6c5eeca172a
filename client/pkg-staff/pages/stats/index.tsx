import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { HallArea } from '../../../components/stats/hall-area';
import { HelpArea } from '../../../components/stats/help-area';
import { LearnArea } from '../../../components/stats/learn-area';
import { OfflineArea } from '../../../components/stats/offline-area';
import { PeriodSwitcher } from '../../../components/stats/period-switcher';
import { StatCards } from '../../../components/stats/stat-cards';
import { VillageTable } from '../../../components/stats/village-table';
import { TownTable } from '../../../components/stats/town-table';
import { TrendChart } from '../../../components/stats/trend-chart';
import { scopeText } from '../../../components/stats/format';
import { Tappable } from '../../../components/tappable';
import { useStatsDashboard, type Dashboard, type StatsDashboard } from '../../../hooks/use-stats-dashboard';
import type { PeriodKind } from '../../../hooks/use-stats-period';
import { ROUTES, openPage } from '../../../routes';

/** The unit each trend is counted in. */
const TREND_UNITS: Record<string, string> = { lesson_read: '人次', quiz_attempt: '人次', suggestion: '条', help_request: '件', activity: '场' };
const TREND_SPAN: Record<PeriodKind, string> = { day: '最近 7 天，每天', week: '本周每天', month: '本月每天', year: '本年每月', custom: '所选时段每天' };

function DashboardView({ d, stats }: { d: Dashboard; stats: StatsDashboard }) {
  const range = d.period.from === d.period.to ? d.period.from : `${d.period.from} 至 ${d.period.to}`;
  return (
    <View data-testid='stats-dashboard'>
      <View className='stats-head'>
        <View>
          <Text className='stats-scope' data-testid='stats-scope'>
            {scopeText(d.scope)}
          </Text>
          <Text className='stats-period-label' data-testid='stats-period' aria-live='polite'>
            {d.period.label}
            {d.period.kind === 'day' || d.period.kind === 'custom' ? '' : `（${range}）`}
            {stats.dashboard.loading ? ' · 正在更新…' : ''}
          </Text>
        </View>
      </View>
      <StatCards totals={d.totals} />
      <Text className='stats-note'>
        人次：每参与一次算一次；人数：同一个人在这段时间里只算一次。{d.period.kind === 'custom' ? '自定义时段只统计人次，人数显示为“—”。' : ''}
      </Text>

      <View className='button-row'>
        <ActionButton kind='primary' busy={stats.exporting} label={`导出 Excel：${scopeText(d.scope)}，${d.period.label}`} testId='export-xlsx' onTap={stats.exportXlsx}>
          {stats.exporting ? '正在生成表格…' : '导出 Excel'}
        </ActionButton>
      </View>
      <FormErrors error={stats.exportError} testId='export-error' />
      {stats.exported && (
        <Text className='saved' data-testid='export-done' aria-live='polite'>
          已生成 {stats.exported}
        </Text>
      )}

      <Text className='section-title'>趋势（{TREND_SPAN[d.period.kind]}）</Text>
      {d.trends.map((t) => (
        <TrendChart key={t.metric} metric={t.metric} title={t.label} unit={TREND_UNITS[t.metric] ?? '人次'} points={t.points} />
      ))}

      {d.towns.length > 0 && (
        <View>
          <Text className='section-title'>各镇街</Text>
          <TownTable towns={d.towns} />
        </View>
      )}
      {d.villages.length > 0 && (
        <View>
          <Text className='section-title'>各村（社区）</Text>
          <VillageTable villages={d.villages} />
        </View>
      )}

      <Text className='section-title'>学法答题</Text>
      <LearnArea learn={d.learn} />
      <Text className='section-title'>议事厅</Text>
      <HallArea hall={d.hall} />
      <Text className='section-title'>求助</Text>
      <HelpArea help={d.help} />
      <Text className='section-title'>线下活动</Text>
      <OfflineArea offline={d.offline} />
    </View>
  );
}

/** 参与统计: the reader's scope over a chosen period — headline figures, trends, towns and each area. */
function StaffStatsBody() {
  const stats = useStatsDashboard();
  return (
    <>
      <View className='stats-links'>
        <Tappable className='stats-link' role='link' label='年度报告数据' testId='open-annual' onTap={() => openPage(ROUTES.staffStatsAnnual)}>
          <Text>年度报告数据 ›</Text>
        </Tappable>
        <Tappable className='stats-link' role='link' label='线下活动：查看和登记' testId='open-activities' onTap={() => openPage(ROUTES.staffActivities)}>
          <Text>线下活动 ›</Text>
        </Tappable>
      </View>
      <PeriodSwitcher period={stats.period} />
      {stats.period.problem === null && (
        <StaffCallView state={stats.dashboard} loadingText='正在统计…'>
          {(d) => <DashboardView d={d} stats={stats} />}
        </StaffCallView>
      )}
    </>
  );
}

export default function StaffStatsPage() {
  return (
    <StaffPage testId='staff-stats' need='staff'>
      <StaffStatsBody />
    </StaffPage>
  );
}
