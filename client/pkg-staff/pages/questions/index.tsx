import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { QuestionType } from '@shared/domain/quiz';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { Pager } from '../../../components/staff/pager';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useLaws } from '../../../hooks/use-laws';
import { rememberQuestion, useStaffQuestions, type AdminQuestion, type QuestionStatus } from '../../../hooks/use-staff-questions';
import { openPage } from '../../../routes';
import { STATUS_LABELS, TYPE_LABELS } from '../../labels';
import { chinaStamp } from '../../../time';
import { questionEditUrl } from '../../routes';
import './index.scss';

const TYPE_CHOICES = [{ value: '', label: '全部' }, ...(Object.entries(TYPE_LABELS) as Array<[QuestionType, string]>).map(([value, label]) => ({ value, label }))];
const STATUS_CHOICES = [{ value: '', label: '全部' }, ...(Object.entries(STATUS_LABELS) as Array<[QuestionStatus, string]>).map(([value, label]) => ({ value, label }))];

interface RowProps {
  question: AdminQuestion;
  lawShort: string;
  toggling: boolean;
  onToggle: () => void;
}

function QuestionRow({ question, lawShort, toggling, onToggle }: RowProps) {
  const retired = question.status === 'retired';
  const open = () => {
    rememberQuestion(question);
    openPage(questionEditUrl(question.id));
  };
  return (
    <View className={`q-row${retired ? ' q-row--retired' : ''}`} data-testid='question-row' data-question-id={question.id}>
      <Tappable className='q-row__main' role='link' label={`${TYPE_LABELS[question.type]}题，${lawShort}，${STATUS_LABELS[question.status]}：${question.stem}。点按修改`} onTap={open}>
        <View className='q-row__tags'>
          <Text className='tag'>{TYPE_LABELS[question.type]}</Text>
          <Text className='tag tag--grey'>{lawShort}</Text>
          {retired && <Text className='tag tag--bad'>已停用</Text>}
        </View>
        <Text className='q-row__stem'>{question.stem}</Text>
        {retired && question.removedAt && (
          <Text className='q-row__removed'>
            {question.removedBy ?? '工作人员'} 于 {chinaStamp(question.removedAt)} 停用；答题记录照常保留。
          </Text>
        )}
      </Tappable>
      <View className='q-row__side'>
        <ActionButton small kind={retired ? 'plain' : 'danger'} busy={toggling} label={`${retired ? '恢复' : '停用'}这道题：${question.stem}`} testId='question-toggle' onTap={onToggle}>
          {retired ? '恢复' : '停用'}
        </ActionButton>
      </View>
    </View>
  );
}

/** 题库管理: filter the bank, page through it, open a question, 停用 or 恢复 it. */
function StaffQuestionsBody() {
  const laws = useLaws({ all: true });
  const bank = useStaffQuestions();
  const [keyword, setKeyword] = useState('');
  const lawList = laws.data?.laws ?? [];
  const lawShort = (id: string) => lawList.find((l) => l.id === id)?.short ?? id;
  const lawChoices = [{ value: '', label: '全部' }, ...lawList.map((l) => ({ value: l.id, label: l.short }))];
  const { filters, setFilters } = bank;

  return (
    <>
      <View className='card filters' data-testid='question-filters'>
        <Field inline label='法律'>
          <Choices label='按法律筛选' testId='filter-law' choices={lawChoices} selected={[filters.lawId ?? '']} onToggle={(v) => setFilters({ lawId: v || undefined })} />
        </Field>
        <Field inline label='题型'>
          <Choices label='按题型筛选' testId='filter-type' choices={TYPE_CHOICES} selected={[filters.type ?? '']} onToggle={(v) => setFilters({ type: (v || undefined) as QuestionType | undefined })} />
        </Field>
        <Field inline label='状态'>
          <Choices label='按状态筛选' testId='filter-status' choices={STATUS_CHOICES} selected={[filters.status ?? '']} onToggle={(v) => setFilters({ status: (v || undefined) as QuestionStatus | undefined })} />
        </Field>
        <Field inline label='关键词'>
          <View className='search'>
            <TextInput label='题干关键词' value={keyword} maxLength={40} placeholder='题干中的字词' testId='filter-keyword' onChange={setKeyword} />
            <ActionButton small kind='primary' label='搜索' testId='filter-search' onTap={() => setFilters({ keyword: keyword.trim() || undefined })}>
              搜索
            </ActionButton>
          </View>
        </Field>
      </View>

      <View className='button-row'>
        <ActionButton kind='primary' label='新建题目' testId='question-new' onTap={() => openPage(questionEditUrl(undefined, filters.lawId))}>
          ＋ 新建题目
        </ActionButton>
      </View>

      <FormErrors error={bank.toggleError} testId='toggle-error' />

      <StaffCallView state={bank.list} loadingText='正在加载题库…' emptyText='没有符合条件的题目' isEmpty={(data) => data.total === 0}>
        {(data) => (
          <View data-testid='question-list'>
            <View className='list-head'>
              <Text className='list-head__total' data-testid='question-total'>
                共 {data.total} 题
              </Text>
              {bank.list.loading && <Text className='list-head__loading'>正在刷新…</Text>}
            </View>
            {data.items.map((q) => (
              <QuestionRow key={q.id} question={q} lawShort={lawShort(q.lawId)} toggling={bank.togglingId === q.id} onToggle={() => bank.toggleRetired(q)} />
            ))}
            <Pager
              testId='question-pager'
              page={bank.page}
              pageCount={bank.pageCount}
              summary={`共 ${data.total} 题`}
              onPrev={() => bank.goToPage(bank.page - 1)}
              onNext={() => bank.goToPage(bank.page + 1)}
            />
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffQuestionsPage() {
  return (
    <StaffPage testId='staff-questions' need='district'>
      <StaffQuestionsBody />
    </StaffPage>
  );
}
