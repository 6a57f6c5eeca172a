import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { QuestionType } from '@shared/domain/quiz';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea, TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { LoadGate } from '../../../components/staff/load-gate';
import { useLaws } from '../../../hooks/use-laws';
import { JUDGE_OPTIONS, OPTION_KEYS, useStaffQuestionForm, type QuestionFormState } from '../../../hooks/use-staff-question-form';
import { ORIGIN_LABELS, STATUS_LABELS, TYPE_LABELS } from '../../labels';
import { chinaStamp } from '../../../time';
import './index.scss';

const TYPE_CHOICES = (Object.entries(TYPE_LABELS) as Array<[QuestionType, string]>).map(([value, label]) => ({ value, label }));
const DIFFICULTY_CHOICES = [
  { value: 1, label: '1 易' },
  { value: 2, label: '2 中' },
  { value: 3, label: '3 难' },
];

function QuestionFormView({ q, lawChoices }: { q: QuestionFormState; lawChoices: Array<{ value: string; label: string }> }) {
  const { form, fieldErrors: errs } = q;
  if (!form) return null;
  const judge = form.type === 'judge';
  const answerChoices: Array<{ value: string; label: string }> = judge
    ? JUDGE_OPTIONS.map((o) => ({ value: o.key, label: o.text }))
    : OPTION_KEYS.filter((k) => form.options[k].trim() !== '').map((k) => ({ value: k, label: k }));

  return (
    <View data-testid='question-form'>
      <View className='card q-section'>
        <Text className='q-section__title'>题目</Text>
        <Field label='所属法律' errors={errs.lawId}>
          <Choices label='所属法律' testId='q-law' choices={lawChoices} selected={[form.lawId]} onToggle={q.setLaw} />
        </Field>
        <Field label='题型' errors={errs.type}>
          <Choices label='题型' testId='q-type' choices={TYPE_CHOICES} selected={[form.type]} onToggle={q.setType} />
        </Field>
        <Field label='题干' errors={errs.stem} hint='4–300 字'>
          <TextArea label='题干' value={form.stem} maxLength={300} invalid={Boolean(errs.stem)} testId='q-stem' onChange={(stem) => q.update({ stem })} />
        </Field>
        <Field label='选项' errors={errs.options} hint={judge ? undefined : '至少填 A、B、C 三项，从 A 开始连续填写；用不到的留空'}>
          {judge ? (
            <Text className='judge-fixed'>判断题的选项固定为“正确”“错误”。</Text>
          ) : (
            OPTION_KEYS.map((key) => (
              <View key={key} className='option-line'>
                <Text className='option-line__key'>{key}</Text>
                <TextArea
                  label={`选项${key}`}
                  value={form.options[key]}
                  minRows={1}
                  maxLength={200}
                  invalid={Boolean(errs.options)}
                  testId={`q-option-${key}`}
                  onChange={(text) => q.setOption(key, text.replace(/\n/g, ''))}
                />
              </View>
            ))
          )}
        </Field>
        <Field label={form.type === 'multiple' ? '正确答案（可多选）' : '正确答案'} errors={errs.answer} hint={!judge && answerChoices.length === 0 ? '先填写选项，再选择答案' : undefined}>
          <Choices label='正确答案' testId='q-answer' multiple={form.type === 'multiple'} choices={answerChoices} selected={form.answer} onToggle={q.toggleAnswer} />
        </Field>
        <Field label='解析' errors={errs.explanation} hint='4–600 字，用自己的话讲清道理'>
          <TextArea label='解析' value={form.explanation} maxLength={600} invalid={Boolean(errs.explanation)} testId='q-explanation' onChange={(explanation) => q.update({ explanation })} />
        </Field>
        <Field label='难度' errors={errs.difficulty}>
          <Choices label='难度' testId='q-difficulty' choices={DIFFICULTY_CHOICES} selected={[form.difficulty]} onToggle={(difficulty) => q.update({ difficulty })} />
        </Field>
      </View>

      <View className='card q-section'>
        <Text className='q-section__title'>法条依据</Text>
        <Field label='法律名称' errors={errs['article.law']} hint='写全称，如：中华人民共和国反家庭暴力法'>
          <TextInput label='法条所属法律名称' value={form.articleLaw} maxLength={60} invalid={Boolean(errs['article.law'])} testId='q-article-law' onChange={(articleLaw) => q.update({ articleLaw })} />
        </Field>
        <Field label='条文号' errors={errs['article.article']} hint='如：第二十三条；也可只填数字 23，保存时自动写成“第二十三条”'>
          <TextInput label='条文号' value={form.articleNo} maxLength={30} invalid={Boolean(errs['article.article'])} testId='q-article-no' onChange={(articleNo) => q.update({ articleNo })} />
        </Field>
        <Field label='法条原文' errors={errs['article.text']} hint='照现行文本逐字粘贴，不要改写'>
          <TextArea label='法条原文' value={form.articleText} maxLength={2000} invalid={Boolean(errs['article.text'])} testId='q-article-text' onChange={(articleText) => q.update({ articleText })} />
        </Field>
        <Field label='核对来源' errors={errs['article.source']} hint='核对原文所用的出处，如：LawRefBook/Laws:社会法/反家庭暴力法.md'>
          <TextInput label='核对来源' value={form.articleSource} maxLength={200} invalid={Boolean(errs['article.source'])} testId='q-article-source' onChange={(articleSource) => q.update({ articleSource })} />
        </Field>
      </View>

      <View className='form-actions'>
        <FormErrors error={q.saveError} problems={q.problemList} />
        {q.savedAt && (
          <Text className='saved' data-testid='save-status' aria-live='polite'>
            已保存
          </Text>
        )}
        <ActionButton kind='primary' busy={q.saving} label='保存题目' testId='question-save' onTap={q.save}>
          {q.saving ? '正在保存…' : '保存'}
        </ActionButton>
      </View>
    </View>
  );
}

/** The question form: every field of a question, checked here and by the server, then saved. */
function StaffQuestionEditBody() {
  const { params } = useRouter<{ id?: string; lawId?: string }>();
  const laws = useLaws({ all: true });
  const q = useStaffQuestionForm(params.id, laws.data?.laws ?? null, params.lawId);
  const lawChoices = (laws.data?.laws ?? []).map((l) => ({ value: l.id, label: l.short }));
  const editing = Boolean(q.id);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: params.id ? '修改题目' : '新建题目' }).catch(() => undefined);
  }, [params.id]);

  const loadError = q.loadError ?? laws.error;
  return (
    <>
      <LoadGate loading={q.loading || !q.form} error={loadError} onRetry={q.loadError ? q.retryLoad : laws.retry} loadingText='正在打开题目…'>
        {() => (
          <View>
            <View className='q-meta' data-testid='question-meta'>
              <Text className='q-meta__title'>{editing ? '修改题目' : '新建题目'}</Text>
              {q.meta && (
                <Text>
                  {STATUS_LABELS[q.meta.status]} · {ORIGIN_LABELS[q.meta.origin]}
                  {q.meta.updatedAt ? ` · 最近修改 ${chinaStamp(q.meta.updatedAt)}` : ''}
                </Text>
              )}
            </View>
            <QuestionFormView q={q} lawChoices={lawChoices} />
          </View>
        )}
      </LoadGate>
    </>
  );
}

export default function StaffQuestionEditPage() {
  return (
    <StaffPage testId='question-edit-page' need='district'>
      <StaffQuestionEditBody />
    </StaffPage>
  );
}
