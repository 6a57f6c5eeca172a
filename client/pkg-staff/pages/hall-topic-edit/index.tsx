import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SCOPE_LEVEL_LABELS } from '../../../components/hall/format';
import { SelectInput } from '../../../components/hall/select-input';
import { SwitchRow } from '../../../components/hall/switch-row';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea, TextInput, WhenInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { LoadGate } from '../../../components/staff/load-gate';
import { TOPIC_DESCRIPTION_MAX, TOPIC_TITLE_MAX, TOPIC_TITLE_MIN, useHallTopicForm, type ScopeLevel, type TopicFormState } from '../../../hooks/use-hall-topic-form';
import './index.scss';

const LEVEL_HINTS: Record<ScopeLevel, string> = {
  district: '全区居民都能看到、都能提建议',
  town: '这个镇街的居民能看到',
  village: '这个村（社区）的居民能看到',
};

function ScopeFields({ t }: { t: TopicFormState }) {
  const { form, choices, fieldErrors: errs } = t;
  if (!form) return null;
  if (t.saved) {
    return (
      <Field label='范围' hint='发布后范围不能再改；范围不对，请关闭这个议题后重新发布。'>
        <Text className='t-fixed' data-testid='t-scope'>
          {form.level === 'district' || !t.scopeName ? SCOPE_LEVEL_LABELS[form.level] : `${SCOPE_LEVEL_LABELS[form.level]} · ${t.scopeName}`}
        </Text>
      </Field>
    );
  }
  const towns = choices.towns.map((x) => ({ value: x.id, label: x.name }));
  const villages = choices.villagesOf(form.town).map((v) => ({ value: v.id, label: v.name }));
  return (
    <Field label='范围' hint={LEVEL_HINTS[form.level]} errors={errs.scope}>
      {choices.levels.length > 1 && (
        <Choices label='范围' choices={choices.levels.map((l) => ({ value: l, label: SCOPE_LEVEL_LABELS[l] }))} selected={[form.level]} onToggle={t.setLevel} testId='t-level' />
      )}
      {form.level !== 'district' && (
        <View className='t-place'>
          <Text className='t-place__label'>镇街</Text>
          {towns.length === 1 ? (
            <Text className='t-fixed'>{towns[0]?.label}</Text>
          ) : (
            <SelectInput label='镇街' value={form.town} options={towns} placeholder='请选择镇街' invalid={Boolean(errs.scope)} testId='t-town' onChange={t.setTown} />
          )}
        </View>
      )}
      {form.level === 'village' && (
        <View className='t-place'>
          <Text className='t-place__label'>村（社区）</Text>
          {villages.length === 1 && choices.levels.length === 1 ? (
            <Text className='t-fixed'>{villages[0]?.label}</Text>
          ) : villages.length === 0 ? (
            <Text className='t-fixed t-fixed--empty'>{form.town ? '这个镇街还没有录入村（社区）' : '请先选镇街'}</Text>
          ) : (
            <SelectInput label='村（社区）' value={form.village} options={villages} placeholder='请选择村（社区）' invalid={Boolean(errs.scope)} testId='t-village' onChange={(village) => t.update({ village })} />
          )}
        </View>
      )}
    </Field>
  );
}

function TopicFormView({ t }: { t: TopicFormState }) {
  const { form, fieldErrors: errs } = t;
  if (!form) return null;
  return (
    <View data-testid='topic-form'>
      <View className='card t-section'>
        <Field label='议题标题' hint={`${TOPIC_TITLE_MIN}–${TOPIC_TITLE_MAX} 字，说清楚想听大家哪方面的意见`} errors={errs.title}>
          <TextInput label='议题标题' value={form.title} maxLength={TOPIC_TITLE_MAX} invalid={Boolean(errs.title)} placeholder='如：村口道路安全，听听你的建议' testId='t-title' onChange={(title) => t.update({ title })} />
        </Field>
        <Field label='议题说明' hint={`选填，${TOPIC_DESCRIPTION_MAX} 字以内：背景、想了解什么`} errors={errs.description}>
          <TextArea label='议题说明' value={form.description} maxLength={TOPIC_DESCRIPTION_MAX} minRows={4} testId='t-description' onChange={(description) => t.update({ description })} />
        </Field>
        <ScopeFields t={t} />
        <Field label='截止时间（北京时间）' errors={errs.deadline}>
          <View className='t-when'>
            <WhenInput mode='date' label='截止日期' value={form.date} invalid={Boolean(errs.deadline)} testId='t-date' onChange={(date) => t.update({ date })} />
            <WhenInput mode='time' label='截止时间' value={form.time} invalid={Boolean(errs.deadline)} testId='t-time' onChange={(time) => t.update({ time })} />
          </View>
        </Field>
      </View>

      {t.saved && (
        <SwitchRow
          name='关闭议题'
          hint={form.closed ? '已关闭：居民不能再提建议和附议，已有的建议照常办理。' : '开着：截止前居民可以提建议和附议。打开这个开关可以提前结束征集。'}
          on={form.closed}
          spokenOn='已关闭议题'
          spokenOff='议题开放中'
          onToggle={() => t.update({ closed: !form.closed })}
          testId='t-closed'
        />
      )}

      <View className='form-actions'>
        <FormErrors error={t.saveError} problems={t.problemList} />
        {t.savedAt && (
          <Text className='saved' data-testid='save-status' aria-live='polite'>
            已保存，居民在「议事」里可以看到
          </Text>
        )}
        <ActionButton kind='primary' busy={t.saving} label={t.saved ? '保存议题的修改' : '发布议题'} testId='topic-save' onTap={t.save}>
          {t.saving ? '正在保存…' : t.saved ? '保存修改' : '发布议题'}
        </ActionButton>
      </View>
    </View>
  );
}

/** The topic form: title, description, area within mine, deadline; 关闭议题 once it exists. */
function StaffHallTopicEditBody() {
  const { params } = useRouter<{ id?: string }>();
  const t = useHallTopicForm(params.id);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: params.id ? '修改议题' : '新建议题' }).catch(() => undefined);
  }, [params.id]);

  return (
    <>
      <LoadGate loading={t.loading} error={t.loadError} onRetry={t.retryLoad} loadingText='正在打开议题…'>
        {() => <TopicFormView t={t} />}
      </LoadGate>
    </>
  );
}

export default function StaffHallTopicEditPage() {
  return (
    <StaffPage testId='staff-hall-topic-edit' need='staff'>
      <StaffHallTopicEditBody />
    </StaffPage>
  );
}
