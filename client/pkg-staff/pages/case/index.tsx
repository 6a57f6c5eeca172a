import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CASE_ACTIONS, CASE_OUTCOMES } from '@shared/domain/help';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea, WhenInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useCase, type CaseDetail, type CaseDone, type StaffCase } from '../../../hooks/use-case';
import { useHelpPrivacy } from '../../../hooks/use-help-privacy';
import { ROLE_LABELS } from '@shared/roles';
import { chinaStamp } from '../../../time';
import { CaseFacts } from '../cases/case-row';
import '../cases/index.scss';
import './index.scss';

const roleLabel = (role: string): string => (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role;

/** One tap to call her: `makePhoneCall` in WeChat, a `tel:` link in the browser. */
function CallHer({ phone }: { phone: string }) {
  const label = `拨打求助人电话 ${phone}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='tappable button button--primary case__call' href={`tel:${phone}`} aria-label={label} data-testid='case-call'>
        拨打 {phone}
      </a>
    );
  }
  return (
    <Tappable className='button button--primary case__call' label={label} testId='case-call' onTap={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      <Text>拨打 {phone}</Text>
    </Tappable>
  );
}

/** What the last save did, shown where it was done. */
function Done({ sc, where }: { sc: StaffCase; where: CaseDone['where'] }) {
  if (sc.done?.where !== where) return null;
  return (
    <Text className='saved case__done' data-testid='case-done' aria-live='polite'>
      {sc.done.text}
    </Text>
  );
}

/** Before opening: the masked summary, and what opening means. */
function Masked({ sc }: { sc: StaffCase }) {
  return (
    <View>
      <StaffCallView state={sc.summary} loadingText='正在加载…'>
        {(c) => (
          <View className='card'>
            <CaseFacts c={c} />
          </View>
        )}
      </StaffCallView>
      <View className='card case__gate'>
        <Text className='case__gate-text'>详情包括求助人的情况说明和完整电话。打开详情会留下查看记录（查看人、时间），请只在办理需要时打开。</Text>
        <FormErrors error={sc.openError} testId='case-open-error' />
        <ActionButton kind='primary' label='查看详情（会留下查看记录）' busy={sc.opening} testId='case-open-details' onTap={sc.openDetails}>
          查看详情
        </ActionButton>
      </View>
    </View>
  );
}

function Contact({ d }: { d: CaseDetail }) {
  return (
    <View className='card' data-testid='case-contact'>
      <Text className='case__h'>联系方式</Text>
      {d.contactMethod === 'phone' && d.phone ? (
        <View>
          <Text className='case__phone' data-testid='case-phone'>
            {d.phone}
          </Text>
          <CallHer phone={d.phone} />
          <Text className='case__line'>方便接电话的时间：{d.safeTimes ?? '未填写'}</Text>
          {d.contactNote && (
            <Text className='case__caution' data-testid='case-contact-note'>
              接电话注意：{d.contactNote}
            </Text>
          )}
          <Text className='staff-note'>如果不是本人接听，请说打错了，不要提起登记的事。</Text>
        </View>
      ) : (
        <Text className='case__line'>{d.contactMethod === 'in_app' ? '她选择不接电话：请只通过「给求助人的留言」联系。' : '来访登记，没有联系方式。'}</Text>
      )}
    </View>
  );
}

function Timeline({ d }: { d: CaseDetail }) {
  return (
    <View className='card' data-testid='case-actions'>
      <Text className='case__h'>处理记录</Text>
      {d.actions.length === 0 && <Text className='muted'>还没有处理记录</Text>}
      {d.actions.map((a, i) => (
        <View key={`${a.at}${i}`} className='case__action' data-testid='case-action-item'>
          <Text className='case__action-head'>
            {a.date} · {a.type} · {a.byName}
          </Text>
          <Text className='case__line'>{a.note || '（无说明）'}</Text>
          {a.messageToRequester && <Text className='case__message'>给求助人的留言：{a.messageToRequester}</Text>}
        </View>
      ))}
      {d.outcome && (
        <Text className='case__outcome' data-testid='case-outcome-done'>
          结案：{d.outcome}（{chinaStamp(d.closedAt)}）
        </Text>
      )}
    </View>
  );
}

function AcceptAndAssign({ sc, d }: { sc: StaffCase; d: CaseDetail }) {
  return (
    <View className='card'>
      <Text className='case__h'>受理和指派</Text>
      <Text className='case__line'>负责人：{d.assigneeName ?? '未指派'}</Text>
      <Done sc={sc} where='accept' />
      <Done sc={sc} where='assign' />
      {d.status === 'submitted' && (
        <View className='case__block'>
          <FormErrors error={sc.acceptError} testId='case-accept-error' />
          <ActionButton kind='primary' label='受理这条服务记录' busy={sc.accepting} testId='case-accept' onTap={sc.accept}>
            受理
          </ActionButton>
        </View>
      )}
      <View className='case__block'>
        <FormErrors error={sc.assignError} testId='case-assign-error' />
        {sc.assignees === null ? (
          <ActionButton label='指派给其他工作人员' busy={sc.loadingAssignees} testId='case-assign-load' onTap={sc.loadAssignees}>
            指派…
          </ActionButton>
        ) : sc.assignees.length === 0 ? (
          <Text className='muted'>本镇街没有可以指派的工作人员。</Text>
        ) : (
          <View>
            <Field label='指派给'>
              <Choices
                label='指派给'
                testId='case-assignee'
                choices={sc.assignees.map((s) => ({ value: s.openid, label: `${s.name}（${roleLabel(s.role)}）` }))}
                selected={sc.assignee ? [sc.assignee] : []}
                onToggle={sc.setAssignee}
              />
            </Field>
            <ActionButton kind='primary' label='确定指派' disabled={!sc.assignee} busy={sc.assigning} testId='case-assign' onTap={sc.assign}>
              确定指派
            </ActionButton>
          </View>
        )}
      </View>
    </View>
  );
}

function ActionForm({ sc }: { sc: StaffCase }) {
  const { action, actionErrors: e } = sc;
  return (
    <View className='card' data-testid='case-action-form'>
      <Text className='case__h'>记录处理</Text>
      <Field label='处理方式' errors={e.type ? [e.type] : undefined}>
        <Choices label='处理方式' testId='case-action-type' choices={CASE_ACTIONS.map((a) => ({ value: a, label: a }))} selected={action.type ? [action.type] : []} onToggle={(type) => sc.updateAction({ type })} />
      </Field>
      <Field label='日期' errors={e.date ? [e.date] : undefined}>
        <WhenInput label='处理日期' mode='date' value={action.date} onChange={(date) => sc.updateAction({ date })} invalid={Boolean(e.date)} testId='case-action-date' />
      </Field>
      <Field label='处理情况（只有工作人员能看到）' errors={e.note ? [e.note] : undefined}>
        <TextArea label='处理情况' value={action.note} maxLength={1000} onChange={(note) => sc.updateAction({ note })} invalid={Boolean(e.note)} testId='case-action-note' />
      </Field>
      <Field
        label='给求助人的留言（可不填）'
        hint='她会在「我的服务记录」里看到这句话，别人也可能看到她的手机：请用中性的话，不写事由、不写处理方式，例如「工作人员已与您联系，如还需要帮助请再登记」。'
        errors={e.message ? [e.message] : undefined}
      >
        <TextArea label='给求助人的留言' value={action.message} maxLength={200} minRows={1} onChange={(message) => sc.updateAction({ message })} invalid={Boolean(e.message)} testId='case-action-message' />
      </Field>
      <FormErrors error={sc.actionError} problems={sc.actionError?.issues?.map((i) => i.message)} testId='case-action-error' />
      <Done sc={sc} where='action' />
      <ActionButton kind='primary' label='保存处理记录' busy={sc.savingAction} testId='case-action-save' onTap={sc.saveAction}>
        保存处理记录
      </ActionButton>
    </View>
  );
}

function CloseForm({ sc }: { sc: StaffCase }) {
  const { closing, closeErrors: e } = sc;
  return (
    <View className='card' data-testid='case-close-form'>
      <Text className='case__h'>结案</Text>
      <Field label='结果' errors={e.outcome ? [e.outcome] : undefined}>
        <Choices label='结案结果' testId='case-outcome' choices={CASE_OUTCOMES.map((o) => ({ value: o, label: o }))} selected={closing.outcome ? [closing.outcome] : []} onToggle={(outcome) => sc.updateClose({ outcome })} />
      </Field>
      <Field label='结案说明（只有工作人员能看到）' errors={e.note ? [e.note] : undefined}>
        <TextArea label='结案说明' value={closing.note} maxLength={500} minRows={2} onChange={(note) => sc.updateClose({ note })} invalid={Boolean(e.note)} testId='case-close-note' />
      </Field>
      <Text className='staff-note'>结案后她会看到「已完成」。个人信息在结案 180 天后删除。</Text>
      <FormErrors error={sc.closeError} testId='case-close-error' />
      <ActionButton kind='danger' label='结案' busy={sc.closingBusy} testId='case-close' onTap={sc.close}>
        结案
      </ActionButton>
    </View>
  );
}

function Opened({ sc, d }: { sc: StaffCase; d: CaseDetail }) {
  const open = d.status !== 'closed' && !d.purged;
  return (
    <View data-testid='case-detail'>
      <View className='card'>
        <CaseFacts c={d} />
        <Text className='staff-note case__audit'>{d.auditNote}</Text>
      </View>
      <Done sc={sc} where='close' />
      <View className='card'>
        <Text className='case__h'>情况说明</Text>
        <Text className='case__description' data-testid='case-description'>
          {d.description}
        </Text>
      </View>
      <Contact d={d} />
      <Timeline d={d} />
      {open && <AcceptAndAssign sc={sc} d={d} />}
      {open && <ActionForm sc={sc} />}
      {open && <CloseForm sc={sc} />}
    </View>
  );
}

/** One case for staff: masked until 查看详情 (audited), then 受理, 指派, 记录处理 and 结案. */
function StaffCaseBody() {
  const { params } = useRouter<{ id?: string }>();
  const sc = useCase(params.id);
  useHelpPrivacy();
  return <>{sc.detail ? <Opened sc={sc} d={sc.detail} /> : <Masked sc={sc} />}</>;
}

export default function StaffCasePage() {
  return (
    <StaffPage testId='staff-case' need='staff'>
      <StaffCaseBody />
    </StaffPage>
  );
}
