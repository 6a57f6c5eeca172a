/** Collection names, as declared in cloudbase/database.json. */
export const COLL = {
  meta: 'meta',
  users: 'users',
  regions: 'regions',
  laws: 'laws',
  lessons: 'lessons',
  counters: 'counters',
  markers: 'markers',
} as const;
