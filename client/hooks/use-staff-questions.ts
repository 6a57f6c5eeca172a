import { useCallback, useMemo, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import type { QuestionType } from '@shared/domain/quiz';
import type { ResultError } from '@shared/result';
import { useCall, type CallState } from './use-call';
import { useStaffAction } from './use-staff-action';
import { useStaffRefreshOnShow } from './use-staff-refresh';

/** A question as the bank lists it for staff: content, status, origin. */
export type AdminQuestion = Output<'learnAdmin', 'listQuestions'>['items'][number];
export type QuestionStatus = AdminQuestion['status'];

/** The list's filters; an absent field means "all". */
export interface QuestionFilters {
  lawId?: string;
  type?: QuestionType;
  status?: QuestionStatus;
  keyword?: string;
}

/** Rows per page of the question list. */
export const QUESTION_PAGE_SIZE = 20;

const remembered = new Map<string, AdminQuestion>();

/** Keeps a listed question so its form opens at once, without fetching it again. */
export function rememberQuestion(question: AdminQuestion): void {
  remembered.set(question.id, question);
}

/** The question last listed or saved with this id, if any. */
export function rememberedQuestion(id: string): AdminQuestion | undefined {
  return remembered.get(id);
}

export interface StaffQuestions {
  list: CallState<Output<'learnAdmin', 'listQuestions'>>;
  filters: QuestionFilters;
  page: number;
  pageCount: number;
  /** Changes some filters and goes back to the first page. */
  setFilters: (patch: Partial<QuestionFilters>) => void;
  goToPage: (page: number) => void;
  /** 停用 an active question or 恢复 a retired one, then reload the page. */
  toggleRetired: (question: AdminQuestion) => void;
  /** The question being retired or restored. */
  togglingId: string | null;
  toggleError: ResultError | null;
}

/** The question bank for staff: filters, pages of 20, 停用 and 恢复. */
export function useStaffQuestions(): StaffQuestions {
  const [filters, setFilterState] = useState<QuestionFilters>({});
  const [page, setPage] = useState(1);
  const [togglingId, setTogglingId] = useState<string | null>(null);
  const retire = useStaffAction('learnAdmin', 'retireQuestion');

  const input = useMemo<Input<'learnAdmin', 'listQuestions'>>(() => {
    const keyword = filters.keyword?.trim();
    return {
      ...(filters.lawId ? { lawId: filters.lawId } : {}),
      ...(filters.type ? { type: filters.type } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(keyword ? { keyword: keyword.slice(0, 40) } : {}),
      page,
      pageSize: QUESTION_PAGE_SIZE,
    };
  }, [filters, page]);
  const list = useCall('learnAdmin', 'listQuestions', input);
  useStaffRefreshOnShow('questions', list.retry);

  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / QUESTION_PAGE_SIZE));

  const setFilters = useCallback((patch: Partial<QuestionFilters>) => {
    setFilterState((prev) => ({ ...prev, ...patch }));
    setPage(1);
  }, []);
  const goToPage = useCallback((next: number) => setPage(Math.max(1, Math.min(1000, next))), []);

  const { run, busy } = retire;
  const { retry } = list;
  const toggleRetired = useCallback(
    (question: AdminQuestion) => {
      if (busy) return;
      setTogglingId(question.id);
      void run(question.status === 'retired' ? { id: question.id, restore: true } : { id: question.id }).then((out) => {
        setTogglingId(null);
        if (out) retry();
      });
    },
    [run, busy, retry],
  );

  return { list, filters, page, pageCount, setFilters, goToPage, toggleRetired, togglingId, toggleError: retire.error };
}
