/** Page paths of the staff workbench (工作台), the `pkg-staff` subpackage. */
export const STAFF_ROUTES = {
  home: '/pkg-staff/pages/index/index',
  questions: '/pkg-staff/pages/questions/index',
  questionEdit: '/pkg-staff/pages/question-edit/index',
  import: '/pkg-staff/pages/import/index',
  campaigns: '/pkg-staff/pages/campaigns/index',
  campaignEdit: '/pkg-staff/pages/campaign-edit/index',
  reports: '/pkg-staff/pages/reports/index',
  lessons: '/pkg-staff/pages/lessons/index',
  lessonEdit: '/pkg-staff/pages/lesson-edit/index',
} as const;

const withId = (base: string, key: string, value: string | undefined): string => (value ? `${base}?${key}=${encodeURIComponent(value)}` : base);

/** The question form: an existing question by id (its law helps find it), or a new one (of a law). */
export function questionEditUrl(id?: string, lawId?: string): string {
  const base = withId(STAFF_ROUTES.questionEdit, 'id', id);
  if (!lawId) return base;
  return `${base}${id ? '&' : '?'}lawId=${encodeURIComponent(lawId)}`;
}

/** The campaign form: an existing campaign by id, or a new one. */
export function campaignEditUrl(id?: string): string {
  return withId(STAFF_ROUTES.campaignEdit, 'id', id);
}

/** The lesson form: an existing lesson by id, or a new lesson of a law at a place in its order. */
export function lessonEditUrl(target: { id: string } | { lawId: string; order: number }): string {
  if ('id' in target) return withId(STAFF_ROUTES.lessonEdit, 'id', target.id);
  return `${withId(STAFF_ROUTES.lessonEdit, 'lawId', target.lawId)}&order=${target.order}`;
}
