import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea } from '../../../components/staff/fields';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useLaws } from '../../../hooks/use-laws';
import { useStaffReports, type ReportStatus, type StaffReport, type StaffReports } from '../../../hooks/use-staff-reports';
import { openPage } from '../../../routes';
import { REPORT_STATUS_LABELS } from '../../labels';
import { chinaStamp } from '../../../time';
import { questionEditUrl } from '../../routes';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

const TABS: ReportStatus[] = ['open', 'resolved', 'rejected'];

function ReportItem({ report, lawShort, staff }: { report: StaffReport; lawShort: string; staff: StaffReports }) {
  const deciding = staff.decidingId === report.id;
  const error = staff.errors[report.id];
  return (
    <View className='card report' data-testid='report-item' data-report-id={report.id}>
      <View className='report__head'>
        <View>
          <Text className='tag tag--bad'>{report.reason}</Text>
          <Text className='tag tag--grey'>{lawShort}</Text>
        </View>
        <Text className='report__date'>{chinaStamp(report.createdAt)}</Text>
      </View>
      <Text className='report__stem'>{report.stem}</Text>
      <Text className='report__line'>
        <Text className='report__label'>用户说明：</Text>
        {report.note || '（未填写）'}
      </Text>
      {report.resolution && (
        <Text className='report__resolution' data-testid='report-resolution'>
          处理说明：{report.resolution}
        </Text>
      )}
      <Tappable className='report__link' role='link' testId='report-edit-question' label={`修改被纠错的题目：${report.stem}`} onTap={() => openPage(questionEditUrl(report.questionId, report.lawId))}>
        <Text>修改这道题 ›</Text>
      </Tappable>
      {report.status === 'open' && (
        <View className='report__decide'>
          <Field label='处理说明（必填）' errors={error ? [error] : undefined}>
            <TextArea
              label={`处理说明，必填：${report.stem}`}
              value={staff.notes[report.id] ?? ''}
              maxLength={300}
              placeholder='如：已改正答案；或：经核对题目无误'
              invalid={Boolean(error)}
              testId='report-note'
              onChange={(note) => staff.setNote(report.id, note)}
            />
          </Field>
          <View className='button-row'>
            <ActionButton kind='primary' busy={deciding} label='已修正：题目已改正，关闭这条纠错' testId='report-resolve' onTap={() => staff.decide(report.id, 'resolved')}>
              已修正
            </ActionButton>
            <ActionButton kind='danger' busy={deciding} label='驳回：题目无误，关闭这条纠错' testId='report-reject' onTap={() => staff.decide(report.id, 'rejected')}>
              驳回
            </ActionButton>
          </View>
        </View>
      )}
    </View>
  );
}

/** 纠错处理: users' reports on questions, by status; close an open one as 已修正 or 驳回 with a note. */
function StaffReportsBody() {
  const staff = useStaffReports();
  const laws = useLaws({ all: true });
  const lawShort = (id: string) => laws.data?.laws.find((l) => l.id === id)?.short ?? id;
  return (
    <>
      <Choices
        look='tabs'
        label='纠错状态'
        testId='report-tab'
        choices={TABS.map((tab) => ({ value: tab, label: REPORT_STATUS_LABELS[tab] }))}
        selected={[staff.status]}
        onToggle={staff.setStatus}
      />
      <StaffCallView
        state={staff.list}
        loadingText='正在加载纠错反馈…'
        emptyText={staff.status === 'open' ? '没有待处理的纠错' : `没有${REPORT_STATUS_LABELS[staff.status]}的纠错`}
        isEmpty={(d) => d.reports.length === 0}
      >
        {(data) => (
          <View data-testid='report-list'>
            <Text className='staff-note'>
              共 {data.total} 条{staff.list.loading ? '，正在刷新…' : ''}
            </Text>
            {data.reports.map((r) => (
              <ReportItem key={r.id} report={r} lawShort={lawShort(r.lawId)} staff={staff} />
            ))}
          </View>
        )}
      </StaffCallView>
      <LoadMore list={staff.list} label='加载更多纠错' />
    </>
  );
}

export default function StaffReportsPage() {
  return (
    <StaffPage testId='reports-page' need='district'>
      <StaffReportsBody />
    </StaffPage>
  );
}
