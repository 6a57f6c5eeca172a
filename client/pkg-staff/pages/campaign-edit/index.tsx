import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Field, TextArea, TextInput, WhenInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { LoadGate } from '../../../components/staff/load-gate';
import { Tappable } from '../../../components/tappable';
import { useLaws, type LawSummary } from '../../../hooks/use-laws';
import { useStaffCampaignForm, type CampaignFormState } from '../../../hooks/use-staff-campaign-form';
import './index.scss';

function CampaignFormView({ c, laws }: { c: CampaignFormState; laws: readonly LawSummary[] }) {
  const { form, fieldErrors: errs } = c;
  if (!form) return null;
  const weights = laws.map((l) => Number(form.ratio[l.id] ?? 0) || 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  return (
    <View data-testid='campaign-form'>
      <View className='card c-section'>
        <Field label='活动名称' errors={errs.title} hint='2–40 字'>
          <TextInput label='活动名称' value={form.title} maxLength={40} invalid={Boolean(errs.title)} testId='c-title' onChange={(title) => c.update({ title })} />
        </Field>
        <Field label='活动说明' errors={errs.description} hint='选填，500 字以内'>
          <TextArea label='活动说明' value={form.description} maxLength={500} testId='c-description' onChange={(description) => c.update({ description })} />
        </Field>
        <Field label='活动时间（北京时间）' errors={errs.window}>
          <View className='when'>
            <Text className='when__label'>开始</Text>
            <WhenInput mode='date' label='开始日期' value={form.startDate} invalid={Boolean(errs.window)} testId='c-start-date' onChange={(startDate) => c.update({ startDate })} />
            <WhenInput mode='time' label='开始时间' value={form.startTime} invalid={Boolean(errs.window)} testId='c-start-time' onChange={(startTime) => c.update({ startTime })} />
          </View>
          <View className='when'>
            <Text className='when__label'>结束</Text>
            <WhenInput mode='date' label='结束日期' value={form.endDate} invalid={Boolean(errs.window)} testId='c-end-date' onChange={(endDate) => c.update({ endDate })} />
            <WhenInput mode='time' label='结束时间' value={form.endTime} invalid={Boolean(errs.window)} testId='c-end-time' onChange={(endTime) => c.update({ endTime })} />
          </View>
        </Field>
      </View>

      <View className='card c-section'>
        <View className='numbers'>
          <Field label='每次题数' errors={errs.questionCount} hint='1–50'>
            <TextInput kind='number' label='每次题数' value={form.questionCount} maxLength={2} invalid={Boolean(errs.questionCount)} testId='c-count' onChange={(questionCount) => c.update({ questionCount })} />
          </Field>
          <Field label='每天可答次数' errors={errs.dailyCap} hint='1–20'>
            <TextInput kind='number' label='每天可答次数' value={form.dailyCap} maxLength={2} invalid={Boolean(errs.dailyCap)} testId='c-cap' onChange={(dailyCap) => c.update({ dailyCap })} />
          </Field>
          <Field label='及格分' errors={errs.passMark} hint='0–100'>
            <TextInput kind='number' label='及格分' value={form.passMark} maxLength={3} invalid={Boolean(errs.passMark)} testId='c-pass' onChange={(passMark) => c.update({ passMark })} />
          </Field>
          <Field label='限时（分钟）' errors={errs.timeLimitMin} hint='不限时请留空'>
            <TextInput kind='number' label='答题限时，分钟，不限时留空' value={form.timeLimitMin} maxLength={3} invalid={Boolean(errs.timeLimitMin)} testId='c-time-limit' onChange={(timeLimitMin) => c.update({ timeLimitMin })} />
          </Field>
        </View>
        <Field label='各法律出题比例' errors={errs.ratio} hint='按数字的比例抽题，填 0 或留空表示不出这部法律的题'>
          {laws.map((law, i) => (
            <View key={law.id} className='ratio-line'>
              <Text className='ratio-line__law'>{law.short}</Text>
              <Text className='ratio-line__share'>{sum > 0 && (weights[i] ?? 0) > 0 ? `约 ${Math.round((100 * (weights[i] ?? 0)) / sum)}%` : ''}</Text>
              <TextInput kind='number' label={`${law.short}出题比例`} value={form.ratio[law.id] ?? ''} maxLength={3} invalid={Boolean(errs.ratio)} testId={`c-ratio-${law.id}`} onChange={(w) => c.setRatio(law.id, w)} />
            </View>
          ))}
        </Field>
      </View>

      <Tappable
        className='card publish'
        role='switch'
        checked={form.published}
        testId='c-published'
        label={`发布，${form.published ? '已发布，用户可以看到' : '未发布，只是草稿'}，点按切换`}
        onTap={() => c.update({ published: !form.published })}
      >
        <View className='publish__text'>
          <Text className='publish__name'>{form.published ? '已发布' : '草稿（未发布）'}</Text>
          <Text className='publish__hint'>发布后，活动时间内用户可以参加；草稿只有工作人员能看到。</Text>
        </View>
        <View className={`toggle${form.published ? ' toggle--on' : ''}`}>
          <Text className='toggle__text'>{form.published ? '开' : '关'}</Text>
        </View>
      </Tappable>

      <View className='form-actions'>
        <FormErrors error={c.saveError} problems={c.problemList} />
        {c.savedAt && (
          <Text className='saved' data-testid='save-status' aria-live='polite'>
            已保存
          </Text>
        )}
        <ActionButton kind='primary' busy={c.saving} label='保存答题活动' testId='campaign-save' onTap={c.save}>
          {c.saving ? '正在保存…' : '保存'}
        </ActionButton>
      </View>
    </View>
  );
}

/** The campaign form: window, numbers, per-law ratio, time limit and publishing. */
function StaffCampaignEditBody() {
  const { params } = useRouter<{ id?: string }>();
  const laws = useLaws({ all: true });
  const c = useStaffCampaignForm(params.id, laws.data?.laws ?? null);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: params.id ? '修改答题活动' : '新建答题活动' }).catch(() => undefined);
  }, [params.id]);

  const loadError = c.loadError ?? laws.error;
  return (
    <>
      <LoadGate loading={c.loading || !c.form || !laws.data} error={loadError} onRetry={c.loadError ? c.retryLoad : laws.retry} loadingText='正在打开活动…'>
        {() => (laws.data ? <CampaignFormView c={c} laws={laws.data.laws} /> : null)}
      </LoadGate>
    </>
  );
}

export default function StaffCampaignEditPage() {
  return (
    <StaffPage testId='campaign-edit-page' need='district'>
      <StaffCampaignEditBody />
    </StaffPage>
  );
}
