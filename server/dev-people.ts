import type { Role } from '../shared/roles';

/** A sample person of the local development sign-in. */
export interface DevPerson {
  openid: string;
  name: string;
  role: Role;
  town?: string;
  village?: string;
}

/** The sample people seeded once into a new local store, one of each kind of user. */
export const DEV_PEOPLE: DevPerson[] = [
  { openid: 'dev-learner', name: '李秀英（学法用户）', role: 'user', town: 'shuangjiang', village: 'shuangjiang-v1' },
  { openid: 'dev-resident', name: '张桂芳（居民）', role: 'user', town: 'zitong', village: 'zitong-c1' },
  { openid: 'dev-station', name: '刘妈（双江镇示例村一工作室）', role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1' },
  { openid: 'dev-town', name: '陈敏（双江镇妇联）', role: 'town', town: 'shuangjiang' },
  { openid: 'dev-district', name: '王静（区妇联）', role: 'district' },
  { openid: 'dev-admin', name: '赵丽（区妇联管理员）', role: 'admin' },
];
