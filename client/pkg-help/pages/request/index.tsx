import { Text, View } from '@tarojs/components';
import { ACCEPT_HOURS, CONSENT_TEXT, HELP_CATEGORIES } from '@shared/domain/help';
import { CallButton } from '../../../components/help/call-button';
import { HelpPage } from '../../../components/help/help-page';
import { villageOptions } from '../../../components/place/place-picker';
import { SelectInput } from '../../../components/hall/select-input';
import { PrivateText } from '../../../components/help/private-fields';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { Tappable } from '../../../components/tappable';
import { useHelpRequest, type AgeBand, type ContactMethod, type HelpRequest } from '../../../hooks/use-help-request';
import { ROUTES, replacePage } from '../../../routes';
import './index.scss';

const AGES: ReadonlyArray<{ value: AgeBand; label: string }> = [
  { value: 'adult', label: '已满18周岁' },
  { value: '14to17', label: '14–17 周岁' },
  { value: 'under14', label: '未满14周岁' },
];

const CONTACTS: ReadonlyArray<{ value: ContactMethod; label: string }> = [
  { value: 'phone', label: '电话' },
  { value: 'in_app', label: '只在小程序里查看' },
];

/** Under 14: no form and no personal details, just who to call now (个人信息保护法 第三十一条). */
function ChildHelp() {
  return (
    <View className='card help-child' data-testid='help-child'>
      <Text className='help-child__text'>遇到危险马上拨打 110；也可以拨打 12355 青少年服务台，或者告诉老师、你信任的大人。</Text>
      <View className='help-child__calls'>
        <CallButton phone='110' name='报警电话' testId='child-call-110' className='call-button--alarm' />
        <CallButton phone='12355' name='青少年服务台' testId='child-call-12355' />
      </View>
      <Text className='help-note'>你不是一个人。大人会帮你想办法。</Text>
    </View>
  );
}

function Sent({ reference, onAgain }: { reference: string; onAgain: () => void }) {
  return (
    <View className='card help-sent' data-testid='help-sent' aria-live='polite'>
      <Text className='help-sent__title'>已提交</Text>
      <Text className='help-sent__label'>服务编号</Text>
      <Text className='help-sent__reference' data-testid='help-reference'>
        {reference}
      </Text>
      <Text className='help-lead'>工作人员会按您选择的方式联系您。</Text>
      <Tappable className='button button--primary help-button' role='link' testId='help-sent-records' label='查看我的服务记录' onTap={() => replacePage(ROUTES.helpRecords)}>
        <Text>查看我的服务记录</Text>
      </Tappable>
      <Tappable className='button help-button' testId='help-sent-again' label='再登记一条' onTap={onAgain}>
        <Text>再登记一条</Text>
      </Tappable>
    </View>
  );
}

function ContactFields({ req }: { req: HelpRequest }) {
  const { form, update, fieldErrors } = req;
  return (
    <View className='card'>
      <Field label='工作人员怎样联系您' errors={fieldErrors.method}>
        <Choices label='联系方式' testId='help-contact' choices={CONTACTS} selected={form.method ? [form.method] : []} onToggle={(method) => update({ method })} />
      </Field>
      {form.method === 'phone' && (
        <View>
          <Field label='电话' errors={fieldErrors.phone}>
            <PrivateText label='电话' kind='phone' maxLength={13} value={form.phone} onChange={(phone) => update({ phone })} placeholder='手机号或座机号' invalid={Boolean(fieldErrors.phone)} testId='help-phone' />
          </Field>
          <Field label='方便接电话的时间（可不填）' errors={fieldErrors.safeTimes}>
            <PrivateText label='方便接电话的时间' maxLength={60} value={form.safeTimes} onChange={(safeTimes) => update({ safeTimes })} placeholder='例如：工作日上午' testId='help-safe-times' />
          </Field>
          <Field label='接电话时需要注意的（可不填）' hint='如果别人接听，我们会说打错了，不会提起您登记的事。' errors={fieldErrors.note}>
            <PrivateText label='接电话时需要注意的' maxLength={100} value={form.note} onChange={(note) => update({ note })} placeholder='例如：只有本人接听时才说明来意' testId='help-contact-note' />
          </Field>
        </View>
      )}
      {form.method === 'in_app' && <Text className='help-note'>工作人员不会打电话，也不会发短信。请在「我的服务记录」里查看进展。</Text>}
    </View>
  );
}

/** Today's requests are used up: she is not left without help, the numbers to call come first. */
function DailyLimit({ message }: { message: string }) {
  return (
    <View className='card help-child' data-testid='help-limit' aria-live='polite'>
      <Text className='help-child__text'>{message}</Text>
      <View className='help-child__calls'>
        <CallButton phone='110' name='报警电话' testId='limit-call-110' className='call-button--alarm' />
        <CallButton phone='12338' name='妇女维权热线' testId='limit-call-12338' />
      </View>
    </View>
  );
}

function Consent({ req }: { req: HelpRequest }) {
  const { consent } = req.form;
  return (
    <View className='card help-consent'>
      <Text className='help-consent__title'>告知同意书</Text>
      <View className='help-consent__box' data-testid='help-consent-text'>
        <Text>{CONSENT_TEXT}</Text>
      </View>
      <Tappable className='help-consent__tick' role='checkbox' checked={consent} testId='help-consent' label={`我已阅读并同意上面的告知同意书，${consent ? '已勾选' : '未勾选'}`} onTap={() => req.update({ consent: !consent })}>
        <View className={`help-consent__mark${consent ? ' help-consent__mark--on' : ''}`}>
          <Text>{consent ? '✓' : ''}</Text>
        </View>
        <Text className='help-consent__label'>我已阅读并同意</Text>
      </Tappable>
    </View>
  );
}

function RequestForm({ req }: { req: HelpRequest }) {
  const { form, update, setTown, fieldErrors } = req;
  const towns = req.regions.data?.towns ?? [];
  const villages = towns.find((t) => t.id === form.town)?.villages ?? [];
  return (
    <View data-testid='help-form'>
      {form.age === '14to17' && <Text className='help-note help-form__teen'>未满 18 周岁也可以登记；也可以请你信任的大人陪你一起。</Text>}
      <View className='card'>
        <Field label='需要哪方面的帮助' errors={fieldErrors.category}>
          <Choices label='事项类别' testId='help-category' choices={HELP_CATEGORIES.map((c) => ({ value: c, label: c }))} selected={form.category ? [form.category] : []} onToggle={(category) => update({ category })} />
        </Field>
        <Field label='情况说明' hint={`${form.description.trim().length}/2000 字。只有负责的工作人员能看到。`} errors={fieldErrors.description}>
          <PrivateText
            multiline
            label='情况说明'
            maxLength={2000}
            value={form.description}
            onChange={(description) => update({ description })}
            placeholder='发生了什么，现在需要什么帮助（至少 5 个字）'
            invalid={Boolean(fieldErrors.description)}
            testId='help-description'
          />
        </Field>
      </View>

      <View className='card'>
        <Field label='所在镇街' errors={fieldErrors.town}>
          <SelectInput label='所在镇街' placeholder={req.regions.loading ? '正在加载…' : '请选择镇街'} options={towns.map((t) => ({ value: t.id, label: t.name }))} value={form.town} onChange={setTown} invalid={Boolean(fieldErrors.town)} testId='help-town' />
        </Field>
        <Field label='所在村（社区）' hint='登记会交给这个村（社区）的工作室；不选村（社区）时交给镇街妇联。这里改动不会改您在「我的」里的所在地。' errors={fieldErrors.village}>
          <SelectInput
            label='所在村（社区）'
            placeholder='请先选择镇街'
            options={form.town ? villageOptions(villages) : []}
            value={form.village}
            onChange={(village) => update({ village })}
            invalid={Boolean(fieldErrors.village)}
            testId='help-village'
          />
        </Field>
        {req.regions.error && (
          <Tappable className='button' label='重新加载镇街列表' testId='help-regions-retry' onTap={req.regions.retry}>
            <Text>镇街列表加载失败，点这里重试</Text>
          </Tappable>
        )}
      </View>

      <ContactFields req={req} />

      <View className='card'>
        <Field label='紧急程度' hint={`一般：${ACCEPT_HOURS.normal} 小时内受理；紧急：${ACCEPT_HOURS.urgent} 小时内受理。正有危险时请直接拨打 110。`}>
          <Choices
            label='紧急程度'
            testId='help-urgency'
            choices={[
              { value: 'normal', label: '一般' },
              { value: 'urgent', label: '紧急' },
            ]}
            selected={[form.urgency]}
            onToggle={(urgency) => update({ urgency })}
          />
        </Field>
      </View>

      <Consent req={req} />

      {req.sendError?.code === 'RATE_LIMITED' ? <DailyLimit message={req.sendError.message} /> : <FormErrors error={req.sendError} problems={req.problemList} testId='help-errors' />}
      <ActionButton kind='primary' className='help-button' label={form.consent ? '提交登记' : '提交登记（请先勾选同意）'} disabled={!form.consent} busy={req.sending} testId='help-submit' onTap={req.send}>
        {req.sending ? '正在提交…' : '提交登记'}
      </ActionButton>
      {!form.consent && <Text className='help-note help-form__why'>勾选「我已阅读并同意」后才能提交。</Text>}
    </View>
  );
}

/** 服务登记: age first; under 14 only who to call; otherwise the form, sent with her consent. */
export default function HelpRequestPage() {
  const req = useHelpRequest();
  const { form } = req;
  return (
    <HelpPage testId='help-request-page'>
      {req.sent !== null ? (
        <Sent reference={req.sent} onAgain={req.startOver} />
      ) : (
        <View>
          <View className='card'>
            <Field label='请先选择年龄'>
              <Choices label='年龄' testId='help-age' choices={AGES} selected={form.age ? [form.age] : []} onToggle={(age) => req.update({ age })} />
            </Field>
          </View>
          {form.age === 'under14' && <ChildHelp />}
          {form.age !== null && form.age !== 'under14' && <RequestForm req={req} />}
        </View>
      )}
    </HelpPage>
  );
}
