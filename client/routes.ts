import Taro from '@tarojs/taro';

/** Page paths, in one place; the subpackage pages live under `pkg-learn/`. */
export const ROUTES = {
  learn: '/pages/learn/index',
  me: '/pages/me/index',
  lessons: '/pkg-learn/pages/lessons/index',
  lesson: '/pkg-learn/pages/lesson/index',
  quiz: '/pkg-learn/pages/quiz/index',
  result: '/pkg-learn/pages/result/index',
  mistakes: '/pkg-learn/pages/mistakes/index',
  progress: '/pkg-learn/pages/progress/index',
  ranking: '/pkg-learn/pages/ranking/index',
  campaigns: '/pkg-learn/pages/campaigns/index',
  certificate: '/pkg-learn/pages/certificate/index',
  staff: '/pkg-staff/pages/index/index',
  hall: '/pages/hall/index',
  service: '/pages/service/index',
  topic: '/pkg-hall/pages/topic/index',
  submitSuggestion: '/pkg-hall/pages/submit/index',
  mySuggestions: '/pkg-hall/pages/mine/index',
  inbox: '/pkg-me/pages/inbox/index',
  helpRequest: '/pkg-help/pages/request/index',
  helpRecords: '/pkg-help/pages/records/index',
  helpRecord: '/pkg-help/pages/record/index',
  staffHallTopics: '/pkg-staff/pages/hall-topics/index',
  staffHallTopicEdit: '/pkg-staff/pages/hall-topic-edit/index',
  staffHallModeration: '/pkg-staff/pages/hall-moderation/index',
  staffHallHandling: '/pkg-staff/pages/hall-handling/index',
  staffCases: '/pkg-staff/pages/cases/index',
  staffCase: '/pkg-staff/pages/case/index',
  staffVisit: '/pkg-staff/pages/visit/index',
  staffFollowUps: '/pkg-staff/pages/follow-ups/index',
  staffAudit: '/pkg-staff/pages/audit/index',
  staffStats: '/pkg-staff/pages/stats/index',
  staffStatsAnnual: '/pkg-staff/pages/stats-annual/index',
  staffActivities: '/pkg-staff/pages/activities/index',
  staffActivityEdit: '/pkg-staff/pages/activity-edit/index',
  staffTowns: '/pkg-staff/pages/towns/index',
  staffPeople: '/pkg-staff/pages/people/index',
  staffPlaces: '/pkg-staff/pages/places/index',
  staffImport: '/pkg-staff/pages/import/index',
  join: '/pkg-me/pages/join/index',
  myData: '/pkg-me/pages/my-data/index',
  privacy: '/pkg-me/pages/privacy/index',
} as const;

/** The lessons page of one law. */
export function lessonsUrl(lawId: string): string {
  return `${ROUTES.lessons}?lawId=${encodeURIComponent(lawId)}`;
}

/** The reader of one lesson. */
export function lessonUrl(lessonId: string): string {
  return `${ROUTES.lesson}?id=${encodeURIComponent(lessonId)}`;
}

/** The quiz page of an attempt kept in memory (see services/quiz-store). */
export function quizUrl(attemptId: string): string {
  return `${ROUTES.quiz}?attemptId=${encodeURIComponent(attemptId)}`;
}

/** Opens the quiz page of an attempt just started. */
export function openQuiz(attemptId: string): void {
  openPage(quizUrl(attemptId));
}

/** The graded result of an attempt. */
export function resultUrl(attemptId: string): string {
  return `${ROUTES.result}?attemptId=${encodeURIComponent(attemptId)}`;
}

/** The certificate of a passed campaign attempt. */
export function certificateUrl(attemptId: string): string {
  return `${ROUTES.certificate}?attemptId=${encodeURIComponent(attemptId)}`;
}

/** Opens a page on top of the current one; a failure (say, a full page stack) replaces it instead. */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }).catch(() => undefined));
}

/** Replaces the current page (moving between neighbouring lessons keeps the stack short). */
export function replacePage(url: string): void {
  Taro.redirectTo({ url }).catch(() => undefined);
}

/** Goes to a tab page (学法, 我的): tab pages cannot be pushed onto the stack. */
export function openTab(url: string): void {
  Taro.switchTab({ url }).catch(() => undefined);
}
