import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AUDIT_ACTION_LABELS } from '@shared/domain/help';
import { ROLE_LABELS } from '@shared/roles';
import { ActionButton } from '../../../components/staff/action-button';
import { Field, TextInput, WhenInput } from '../../../components/staff/fields';
import { ListPager } from '../../../components/staff/pager';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { StaffPage } from '../../../components/staff/staff-page';
import { Tappable } from '../../../components/tappable';
import { useCaseAudit, type AuditFilter, type CaseAudit } from '../../../hooks/use-cases';
import { chinaStamp } from '../../../time';
import './index.scss';

const roleLabel = (role: string): string => (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role;
const REFERENCE = /^FW-[0-9A-F]{6}$/;

/** 服务编号, from and to: applied together; a staff member is chosen by tapping a name in the list. */
function Filters({ audit, staffName }: { audit: CaseAudit; staffName: string }) {
  const [reference, setReference] = useState(audit.filter.reference ?? '');
  const [from, setFrom] = useState(audit.filter.from ?? '');
  const [to, setTo] = useState(audit.filter.to ?? '');
  const ref = reference.trim().toUpperCase();
  const badRef = ref !== '' && !REFERENCE.test(ref);
  const apply = () => {
    if (badRef) return;
    const next: AuditFilter = { ...(audit.filter.staff ? { staff: audit.filter.staff } : {}) };
    if (ref) next.reference = ref;
    if (from) next.from = from;
    if (to) next.to = to;
    audit.setFilter(next);
  };
  const clear = () => {
    setReference('');
    setFrom('');
    setTo('');
    audit.setFilter({});
  };
  return (
    <View className='card audit__filters' data-testid='audit-filters'>
      <Field label='服务编号' errors={badRef ? ['服务编号格式应为 FW-XXXXXX'] : undefined}>
        <TextInput label='服务编号' value={reference} onChange={setReference} placeholder='FW-XXXXXX' maxLength={9} invalid={badRef} testId='audit-reference' />
      </Field>
      <Field label='从' inline>
        <WhenInput label='从哪天' mode='date' value={from} onChange={setFrom} testId='audit-from' />
      </Field>
      <Field label='到' inline>
        <WhenInput label='到哪天' mode='date' value={to} onChange={setTo} testId='audit-to' />
      </Field>
      {audit.filter.staff && (
        <Text className='audit__line' data-testid='audit-staff-filter'>
          只看工作人员：{staffName || '所选的工作人员'}
        </Text>
      )}
      <View className='button-row'>
        <ActionButton kind='primary' small label='按条件筛选' testId='audit-apply' onTap={apply}>
          筛选
        </ActionButton>
        <ActionButton small label='清除筛选条件' testId='audit-clear' onTap={clear}>
          清除
        </ActionButton>
      </View>
    </View>
  );
}

/** 操作记录: who read or acted on which case and when (区妇联管理员 only); reading it is recorded too. */
function StaffAuditBody() {
  const audit = useCaseAudit();
  const { log, paging } = audit;
  // The filter holds her id; the page shows her name, never the id.
  const [staffName, setStaffName] = useState('');
  return (
    <>
      <Text className='audit__intro'>打开服务记录详情、受理、指派、记录处理、结案和来访登记都会留下一条记录；您在这里查看也会留下记录。点工作人员的名字只看这个人的记录。</Text>
      <Filters audit={audit} staffName={staffName} />
      <StaffCallView state={log} loadingText='正在加载操作记录…' emptyText='没有符合条件的记录' isEmpty={(d) => d.total === 0}>
        {(data) => (
          <View className='card audit' data-testid='audit-list'>
            <Text className='audit__time'>共 {data.total} 条</Text>
            {data.entries.map((e, i) => (
              <View key={`${e.caseId ?? ''}${e.at}${i}`} className='audit__row' data-testid='audit-row'>
                <Text className='audit__ref'>{e.reference ? `服务编号 ${e.reference}` : AUDIT_ACTION_LABELS[e.action]}</Text>
                <Tappable className='audit__line audit__staff' label={`只看${e.staffName}的记录`} testId='audit-staff' onTap={() => {
                    setStaffName(e.staffName);
                    audit.setFilter({ ...audit.filter, staff: e.staff });
                  }}>
                  <Text>工作人员：{e.staffName}</Text>
                </Tappable>
                <Text className='audit__time'>
                  {roleLabel(e.role)} · {AUDIT_ACTION_LABELS[e.action]}
                  {e.detail ? `（${e.detail}）` : ''} · {chinaStamp(e.at)}
                </Text>
              </View>
            ))}
            <ListPager testId='audit-pager' paging={paging} total={data.total} pageSize={data.pageSize} />
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
