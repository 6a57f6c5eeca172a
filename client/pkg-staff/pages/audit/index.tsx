import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/roles';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { StaffPage } from '../../../components/staff/staff-page';
import { useCaseAudit } from '../../../hooks/use-cases';
import { chinaStamp } from '../../../time';
import './index.scss';

const roleLabel = (role: string): string => (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role;
const ACTION_LABELS: Record<string, string | undefined> = { read: '查看详情' };

/** 查看记录: who opened which case and when (区妇联管理员 only). */
function StaffAuditBody() {
  const log = useCaseAudit();
  return (
    <>
      <Text className='audit__intro'>每次打开服务记录详情都会留下一条记录。这里显示最近 100 条。</Text>
      <StaffCallView state={log} loadingText='正在加载查看记录…' emptyText='还没有查看记录' isEmpty={(d) => d.entries.length === 0}>
        {(data) => (
          <View className='card audit' data-testid='audit-list'>
            {data.entries.map((e, i) => (
              <View key={`${e.caseId}${e.at}${i}`} className='audit__row' data-testid='audit-row'>
                <Text className='audit__ref'>服务编号 {e.reference}</Text>
                <Text className='audit__line'>查看人：{e.staffName}</Text>
                <Text className='audit__time'>
                  {roleLabel(e.role)} · {ACTION_LABELS[e.action] ?? e.action} · {chinaStamp(e.at)}
                </Text>
              </View>
            ))}
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffAuditPage() {
  return (
    <StaffPage testId='staff-audit' need='admin'>
      <StaffAuditBody />
    </StaffPage>
  );
}
