import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Field, TextArea, TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { LoadGate } from '../../../components/staff/load-gate';
import { useLaws } from '../../../hooks/use-laws';
import { useStaffLessonForm, type LessonFormState } from '../../../hooks/use-staff-lesson-form';
import './index.scss';

function LessonFormView({ l, lawShort }: { l: LessonFormState; lawShort: string }) {
  const { form, fieldErrors: errs } = l;
  if (!form) return null;
  return (
    <View data-testid='lesson-form'>
      <View className='card l-section'>
        <Text className='l-section__title'>
          {lawShort} · {l.isNew ? '新增一课' : '修改这一课'}
        </Text>
        <Field label='课次' errors={errs.order} hint='课程按这个数字从小到大排列'>
          <TextInput kind='number' label='课次' value={form.order} maxLength={3} invalid={Boolean(errs.order)} testId='l-order' onChange={(order) => l.update({ order })} />
        </Field>
        <Field label='标题' errors={errs.title} hint='30 字以内'>
          <TextInput label='标题' value={form.title} maxLength={30} invalid={Boolean(errs.title)} testId='l-title' onChange={(title) => l.update({ title })} />
        </Field>
        <Field label='一句话摘要' errors={errs.summary} hint='80 字以内，列表里显示'>
          <TextInput label='一句话摘要' value={form.summary} maxLength={80} invalid={Boolean(errs.summary)} testId='l-summary' onChange={(summary) => l.update({ summary })} />
        </Field>
        <Field label='正文' errors={errs.body} hint='通俗讲解；每段一行，段与段之间可空一行'>
          <TextArea label='正文，每段一行' value={form.body} maxLength={5000} invalid={Boolean(errs.body)} testId='l-body' onChange={(body) => l.update({ body })} />
        </Field>
      </View>

      <View className='card l-section'>
        <Text className='l-section__title'>法条原文</Text>
        {form.articles.map((a, i) => (
          <View key={i} className='article-form' data-testid='l-article'>
            <View className='article-form__head'>
              <Text className='article-form__no'>第 {i + 1} 条引用</Text>
              {form.articles.length > 1 && (
                <ActionButton small kind='danger' label={`删除第 ${i + 1} 条引用`} onTap={() => l.removeArticle(i)}>
                  删除
                </ActionButton>
              )}
            </View>
            <Field label='法律名称'>
              <TextInput label={`第 ${i + 1} 条引用的法律名称`} value={a.law} maxLength={60} onChange={(law) => l.setArticle(i, { law })} />
            </Field>
            <Field label='条文号' hint='如：第二十三条，也可只填数字'>
              <TextInput label={`第 ${i + 1} 条引用的条文号`} value={a.article} maxLength={30} onChange={(article) => l.setArticle(i, { article })} />
            </Field>
            <Field label='原文' hint='照现行文本逐字粘贴'>
              <TextArea label={`第 ${i + 1} 条引用的原文`} value={a.text} maxLength={3000} onChange={(text) => l.setArticle(i, { text })} />
            </Field>
            <Field label='核对来源'>
              <TextInput label={`第 ${i + 1} 条引用的核对来源`} value={a.source} maxLength={200} onChange={(source) => l.setArticle(i, { source })} />
            </Field>
          </View>
        ))}
        <Field label='' errors={errs.articles}>
          <ActionButton small label='再引用一条法条' onTap={l.addArticle}>
            ＋ 再引用一条
          </ActionButton>
        </Field>
      </View>

      <View className='card l-section'>
        <Text className='l-section__title'>案例与做法</Text>
        <Field label='案例标题' errors={errs.case}>
          <TextInput label='案例标题' value={form.caseTitle} maxLength={60} invalid={Boolean(errs.case)} testId='l-case-title' onChange={(caseTitle) => l.update({ caseTitle })} />
        </Field>
        <Field label='案例内容'>
          <TextArea label='案例内容' value={form.caseText} maxLength={3000} invalid={Boolean(errs.case)} testId='l-case-text' onChange={(caseText) => l.update({ caseText })} />
        </Field>
        <Field label='你可以这样做' errors={errs.actions} hint='每条一行'>
          <TextArea label='你可以这样做，每条一行' value={form.actions} maxLength={3000} invalid={Boolean(errs.actions)} testId='l-actions' onChange={(actions) => l.update({ actions })} />
        </Field>
        <Field label='求助电话' errors={errs.contacts} hint='每行“名称 电话”，如：妇女维权热线 12338；可留空'>
          <TextArea label='求助电话，每行名称和电话' value={form.contacts} maxLength={1000} invalid={Boolean(errs.contacts)} testId='l-contacts' onChange={(contacts) => l.update({ contacts })} />
        </Field>
        <Field label='核对说明' errors={errs.checked} hint='何时、对照哪个出处逐字核对了法条原文'>
          <TextArea label='核对说明' value={form.checked} maxLength={300} invalid={Boolean(errs.checked)} testId='l-checked' onChange={(checked) => l.update({ checked })} />
        </Field>
      </View>

      <View className='form-actions'>
        <FormErrors error={l.saveError} problems={l.problemList} />
        {l.savedAt && (
          <Text className='saved' data-testid='save-status' aria-live='polite'>
            已保存
          </Text>
        )}
        <ActionButton kind='primary' busy={l.saving} label='保存课程' testId='lesson-save' onTap={l.save}>
          {l.saving ? '正在保存…' : '保存'}
        </ActionButton>
      </View>
    </View>
  );
}

/** The lesson form: text, quoted articles, case, what to do and whom to call. */
function StaffLessonEditBody() {
  const { params } = useRouter<{ id?: string; lawId?: string; order?: string }>();
  const laws = useLaws({ all: true });
  const law = laws.data?.laws.find((x) => x.id === params.lawId);
  const l = useStaffLessonForm({ id: params.id, lawId: params.lawId, order: params.order, lawName: law?.name });
  const lawShort = laws.data?.laws.find((x) => x.id === l.lawId)?.short ?? '';

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: params.id ? '修改课程' : '新增课程' }).catch(() => undefined);
  }, [params.id]);

  const unknownLaw = !params.id && laws.data && !law ? { code: 'NOT_FOUND' as const, message: '没有找到这部法律，请从课程管理打开' } : null;
  return (
    <>
      <LoadGate loading={l.loading || !laws.data || !l.form} error={l.loadError ?? laws.error ?? unknownLaw} onRetry={l.loadError ? l.retryLoad : laws.retry} loadingText='正在打开课程…'>
        {() => <LessonFormView l={l} lawShort={lawShort} />}
      </LoadGate>
    </>
  );
}

export default function StaffLessonEditPage() {
  return (
    <StaffPage testId='lesson-edit-page' need='district'>
      <StaffLessonEditBody />
    </StaffPage>
  );
}
