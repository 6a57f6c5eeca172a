import type { QuestionType } from '@shared/domain/quiz';

/** Question types as staff call them (UI text). */
export const TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multiple: '多选', judge: '判断' };

/** Question status (UI text). */
export const STATUS_LABELS = { active: '使用中', retired: '已停用' } as const;

/** Where a question came from (UI text). */
export const ORIGIN_LABELS = { seed: '内置', staff: '工作人员录入', import: '表格导入' } as const;

/** 纠错 report status (UI text). */
export const REPORT_STATUS_LABELS = { open: '待处理', resolved: '已解决', rejected: '已驳回' } as const;
