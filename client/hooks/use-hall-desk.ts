import { STAFF_ROLES, type Role } from '@shared/roles';
import { useCall } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** Whether a role is one of the staff roles (station, town, district, admin). */
export function isStaffRole(role: Role | null): boolean {
  return role !== null && (STAFF_ROLES as readonly Role[]).includes(role);
}

/**
 * The hall's figure on the 工作台 home: suggestions waiting for review in my area (null while
 * unknown). Asked only once the caller is known to be staff; reloaded when the home shows again.
 */
export function useHallPendingCount(role: Role | null): number | null {
  const queue = useCall('hall', 'moderationQueue', isStaffRole(role) ? {} : null);
  useRefreshOnShow(queue.retry);
  return queue.data ? queue.data.total : null;
}
