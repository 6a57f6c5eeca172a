/** Collection names, as declared in cloudbase/database.json. */
export const COLL = {
  meta: 'meta',
  users: 'users',
  regions: 'regions',
  laws: 'laws',
  lessons: 'lessons',
  counters: 'counters',
  markers: 'markers',
  questions: 'questions',
  bank: 'bank',
  campaigns: 'campaigns',
  attempts: 'attempts',
  mistakes: 'mistakes',
  progress: 'progress',
  quotas: 'quotas',
  reports: 'reports',
} as const;
