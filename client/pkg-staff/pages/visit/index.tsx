import { Text, View } from '@tarojs/components';
import { CASE_OUTCOMES, HELP_CATEGORIES, type CaseOutcome } from '@shared/domain/help';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea, WhenInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { LoadGate } from '../../../components/staff/load-gate';
import { useCaseVisit, type CaseVisit } from '../../../hooks/use-case-visit';

const NOT_YET = '未结案';
const OUTCOME_CHOICES = [NOT_YET, ...CASE_OUTCOMES.filter((o) => o !== '求助人撤回')].map((o) => ({ value: o, label: o }));

function Place({ visit }: { visit: CaseVisit }) {
  const me = visit.profile.data;
  if (!me) return null;
  if (me.role === 'station') {
    return (
      <Field label='村（社区）'>
        <Text className='staff-note' data-testid='visit-village'>
          {me.townName ?? ''} {me.villageName ?? '（账号未设置村社区）'}
        </Text>
      </Field>
    );
  }
  return (
    <Field label='村（社区）（可不选）' hint={me.townName ? `${me.townName}的村（社区）` : '您的账号还没有设置所在镇街，请联系管理员'}>
      <Choices
        label='村（社区）'
        testId='visit-village'
        choices={visit.villages.map((v) => ({ value: v.id, label: v.name }))}
        selected={visit.form.village ? [visit.form.village] : []}
        onToggle={(village) => visit.update({ village: village === visit.form.village ? '' : village })}
      />
    </Field>
  );
}

/** 来访登记: a walk-in visit, so that offline work is counted with the online requests. */
function StaffVisitBody() {
  const visit = useCaseVisit();
  const { form, errors: e } = visit;
  return (
    <>
      <LoadGate loading={visit.profile.loading && !visit.profile.data} error={visit.profile.error} onRetry={visit.profile.retry} loadingText='正在加载…'>
        {() => (
          <View className='card' data-testid='visit-form'>
            <Text className='staff-note'>来到工作室或电话咨询的群众，在这里登记一次，和网上登记的一起统计。不记录姓名和电话。</Text>
            <Field label='类别' errors={e.category ? [e.category] : undefined}>
              <Choices label='类别' testId='visit-category' choices={HELP_CATEGORIES.map((c) => ({ value: c, label: c }))} selected={form.category ? [form.category] : []} onToggle={(category) => visit.update({ category })} />
            </Field>
            <Field label='来访日期' errors={e.date ? [e.date] : undefined}>
              <WhenInput label='来访日期' mode='date' value={form.date} onChange={(date) => visit.update({ date })} invalid={Boolean(e.date)} testId='visit-date' />
            </Field>
            <Place visit={visit} />
            <Field label='来访情况' hint='简要记录，不写姓名、电话、住址。' errors={e.note ? [e.note] : undefined}>
              <TextArea label='来访情况' value={form.note} maxLength={1000} onChange={(note) => visit.update({ note })} invalid={Boolean(e.note)} testId='visit-note' />
            </Field>
            <Field label='结果（可不选）'>
              <Choices
                label='结果'
                testId='visit-outcome'
                choices={OUTCOME_CHOICES}
                selected={[form.outcome ?? NOT_YET]}
                onToggle={(o) => visit.update({ outcome: o === NOT_YET ? null : (o as CaseOutcome) })}
              />
            </Field>
            {visit.saved && (
              <Text className='saved' data-testid='visit-saved' aria-live='polite'>
                已登记。可以继续登记下一位。
              </Text>
            )}
            <FormErrors error={visit.saveError} problems={visit.saveError?.issues?.map((i) => i.message)} testId='visit-error' />
            <ActionButton kind='primary' label='保存来访登记' busy={visit.saving} testId='visit-save' onTap={visit.save}>
              保存
            </ActionButton>
          </View>
        )}
      </LoadGate>
    </>
  );
}

export default function StaffVisitPage() {
  return (
    <StaffPage testId='staff-visit' need='staff'>
      <StaffVisitBody />
    </StaffPage>
  );
}
