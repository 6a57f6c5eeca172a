import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_TYPES } from '@shared/domain/stats-catalog';
import { StaffPage } from '../../../components/staff/staff-page';
import { SelectInput } from '../../../components/hall/select-input';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea, TextInput, WhenInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { LoadGate } from '../../../components/staff/load-gate';
import { rememberedActivity } from '../../../hooks/use-stats-activities';
import { useStatsActivityForm, type ActivityFormState } from '../../../hooks/use-stats-activity-form';
import '../../../components/stats/stats.scss';

const TYPE_CHOICES = ACTIVITY_TYPES.map((t) => ({ value: t, label: t }));

/** Where it took place: district staff choose a town and village; town staff a village; a station's is its own. */
function Place({ a }: { a: ActivityFormState }) {
  const me = a.profile.data;
  const errs = a.fieldErrors;
  if (!me) return null;
  if (a.place === 'fixed') {
    return (
      <Field label='地点'>
        <Text className='staff-note' data-testid='activity-place'>
          {me.townName ?? ''} {me.villageName ?? '（账号未设置村社区，请联系管理员）'}
        </Text>
      </Field>
    );
  }
  const villageOptions = a.villages.map((v) => ({ value: v.id, label: v.name }));
  return (
    <View>
      {a.place === 'any' ? (
        <Field label='镇街（可不选）' hint='不选表示全区性的活动' errors={errs.town}>
          <SelectInput label='镇街' placeholder='全区（不限镇街）' value={a.form.town} options={a.towns.map((t) => ({ value: t.id, label: t.name }))} invalid={Boolean(errs.town)} testId='activity-town' onChange={(town) => a.update({ town })} />
        </Field>
      ) : (
        <Field label='镇街'>
          <Text className='staff-note' data-testid='activity-place'>
            {me.townName ?? '您的账号还没有设置所在镇街，请联系管理员'}
          </Text>
        </Field>
      )}
      {(a.place === 'village-of-town' || a.form.town) && (
        <Field label='村（社区）（可不选）' errors={errs.village}>
          <SelectInput label='村（社区）' placeholder='不限村（社区）' value={a.form.village} options={villageOptions} invalid={Boolean(errs.village)} testId='activity-village' onChange={(village) => a.update({ village })} />
        </Field>
      )}
    </View>
  );
}

function ActivityFormView({ a }: { a: ActivityFormState }) {
  const { form, fieldErrors: errs } = a;
  return (
    <View data-testid='activity-form'>
      <View className='card'>
        <Text className='staff-note'>讲座、培训、发放宣传资料、走访等线下工作，在这里登记一次，和线上参与一起统计，也计入年度报告数据。</Text>
        <Field label='活动类型' errors={errs.type}>
          <Choices label='活动类型' testId='activity-type' choices={TYPE_CHOICES} selected={form.type ? [form.type] : []} onToggle={(type) => a.update({ type })} />
        </Field>
        <Field label='活动日期' errors={errs.date}>
          <WhenInput mode='date' label='活动日期' value={form.date} invalid={Boolean(errs.date)} testId='activity-date' onChange={(date) => a.update({ date })} />
        </Field>
        <Field label='活动名称' hint='2–40 字，如“三八节反家暴法宣讲”' errors={errs.title}>
          <TextInput label='活动名称' value={form.title} maxLength={40} invalid={Boolean(errs.title)} testId='activity-title' onChange={(title) => a.update({ title })} />
        </Field>
        <Place a={a} />
        <View className='numbers2'>
          <Field label='覆盖人数（人）' hint='没有填 0' errors={errs.reached}>
            <TextInput kind='number' label='覆盖人数，单位人' value={form.reached} maxLength={6} invalid={Boolean(errs.reached)} testId='activity-reached' onChange={(reached) => a.update({ reached })} />
          </Field>
          <Field label='发放资料（份）' hint='没有填 0' errors={errs.materials}>
            <TextInput kind='number' label='发放资料份数，单位份' value={form.materials} maxLength={7} invalid={Boolean(errs.materials)} testId='activity-materials' onChange={(materials) => a.update({ materials })} />
          </Field>
        </View>
        <Field label='备注（可不填）' hint='500 字以内；不写群众的姓名、电话' errors={errs.note}>
          <TextArea label='备注' value={form.note} maxLength={500} minRows={2} invalid={Boolean(errs.note)} testId='activity-note' onChange={(note) => a.update({ note })} />
        </Field>
      </View>
      <View className='form-actions'>
        <FormErrors error={a.saveError} problems={a.problemList} testId='activity-errors' />
        {a.warnings.length > 0 && (
          <View className='form-errors form-warnings' data-testid='activity-warnings' aria-live='polite'>
            <Text className='form-errors__title'>请再核对一下这些数字：</Text>
            {a.warnings.map((w) => (
              <Text key={w} className='form-errors__item'>
                · {w}
              </Text>
            ))}
            <Text className='form-errors__item'>数字有误请改正；确认无误，再点一次“保存”。</Text>
          </View>
        )}
        {a.savedTitle && (
          <Text className='saved' data-testid='activity-saved' aria-live='polite'>
            {a.editing ? `已保存对“${a.savedTitle}”的修改，统计数字已随之更新。` : `已登记“${a.savedTitle}”。可以继续登记下一场。`}
          </Text>
        )}
        <View className='button-row'>
          {a.savedTitle && (
            <ActionButton label='返回活动列表' testId='activity-back' onTap={() => void Taro.navigateBack().catch(() => undefined)}>
              返回列表
            </ActionButton>
          )}
          <ActionButton kind='primary' busy={a.saving} label={a.warnings.length > 0 ? '确认数字无误，保存' : '保存活动登记'} testId='activity-save' onTap={a.save}>
            {a.saving ? '正在保存…' : a.warnings.length > 0 ? '确认无误，保存' : '保存'}
          </ActionButton>
        </View>
        {a.editing && <RemoveActivity a={a} />}
      </View>
    </View>
  );
}

/** 删除: asks first; the activity then no longer counts, and its record keeps who removed it. */
function RemoveActivity({ a }: { a: ActivityFormState }) {
  return (
    <View className='remove-activity'>
      <FormErrors error={a.removeError} testId='activity-remove-error' />
      {a.confirmingRemove ? (
        <View className='button-row'>
          <ActionButton kind='danger' busy={a.removing} label='确认删除这场活动' testId='activity-remove-confirm' onTap={a.remove}>
            确认删除
          </ActionButton>
          <ActionButton label='取消删除' onTap={() => a.askRemove(false)}>
            取消
          </ActionButton>
        </View>
      ) : (
        <View className='button-row'>
          <ActionButton kind='danger' label='删除这场活动' testId='activity-remove' onTap={() => a.askRemove(true)}>
            删除这场活动
          </ActionButton>
        </View>
      )}
      <Text className='staff-note'>删除后不再计入统计；记录会保留删除人和时间。</Text>
    </View>
  );
}

/** 登记线下活动 (or, opened from the list, correcting one): type, date, name, place, people reached, materials handed out, note. */
function StaffActivityEditBody() {
  const { params } = useRouter<{ id?: string }>();
  const existing = params.id ? rememberedActivity(params.id) : null;
  const a = useStatsActivityForm(existing);
  const missing = params.id && !existing ? { code: 'NOT_FOUND' as const, message: '请从线下活动列表打开要修改的活动' } : null;
  const loadError = missing ?? a.profile.error ?? a.regions.error;

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: params.id ? '修改线下活动' : '登记线下活动' }).catch(() => undefined);
  }, [params.id]);

  useEffect(() => {
    if (a.removed) Taro.navigateBack().catch(() => undefined);
  }, [a.removed]);

  return (
    <>
      <LoadGate loading={!a.profile.data || !a.regions.data} error={loadError} onRetry={a.profile.error ? a.profile.retry : a.regions.retry} loadingText='正在打开…'>
        {() => <ActivityFormView a={a} />}
      </LoadGate>
    </>
  );
}

export default function StaffActivityEditPage() {
  return (
    <StaffPage testId='staff-activity-edit' need='staff'>
      <StaffActivityEditBody />
    </StaffPage>
  );
}
