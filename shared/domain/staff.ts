import type { Role } from '../roles';

/** Where a person works: a role and its place. */
export interface Post {
  role: Role;
  town: string | null;
  village: string | null;
}

const RANK: Record<Role, number> = { user: 0, station: 1, town: 2, district: 3, admin: 4 };

/** The place a role needs: a station a village, town staff a town, district staff and admins none. */
export function placeProblem(post: Post): string | null {
  if (post.role === 'station' && (!post.town || !post.village)) return '村（社区）工作室需要选择镇街和村（社区）';
  if (post.role === 'town' && (!post.town || post.village)) return '镇街工作人员只需要选择镇街';
  if ((post.role === 'district' || post.role === 'admin') && (post.town || post.village)) return '区妇联工作人员不用选择镇街';
  return null;
}

/**
 * Why `by` may not give `grant` (null when it may): never more than she holds — admins give any
 * role; others only narrower roles, and town staff only within their own town.
 */
export function grantProblem(by: Post, grant: Post): string | null {
  if (grant.role === 'user') return '只能邀请工作人员';
  const place = placeProblem(grant);
  if (place) return place;
  if (by.role === 'admin') return null;
  if (RANK[grant.role] >= RANK[by.role]) return '不能授予和自己相同或更高的权限';
  if (by.role === 'town' && grant.town !== by.town) return '只能邀请本镇街的村（社区）工作室';
  if (by.role !== 'town' && by.role !== 'district') return '您没有邀请工作人员的权限';
  return null;
}

/** Whether `by` may see and manage the account of `target` (switch off, move): a narrower role in her area. */
export function manages(by: Post, target: Post): boolean {
  if (by.role === 'admin') return true;
  if (RANK[target.role] >= RANK[by.role]) return false;
  if (by.role === 'district') return true;
  return by.role === 'town' && target.town === by.town;
}
