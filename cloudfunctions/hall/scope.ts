import type { Scope } from '../../shared/contracts/hall';
import type { UserDoc } from '../_lib/identity';

/** Whether a staff member's area covers a scope: district all; town its town; station its village. */
export function covers(staff: UserDoc, scope: Scope): boolean {
  if (staff.role === 'district' || staff.role === 'admin') return true;
  if (staff.role === 'town') return staff.town !== null && scope.town === staff.town;
  if (staff.role === 'station') return staff.village !== null && scope.level === 'village' && scope.village === staff.village;
  return false;
}

/** Whether a resident can see (and take part in) a topic of this scope. */
export function visibleTo(person: UserDoc, scope: Scope): boolean {
  if (scope.level === 'district') return true;
  if (person.role === 'district' || person.role === 'admin') return true;
  if (scope.level === 'town') return person.town === scope.town;
  return person.village === scope.village;
}

/** The scope of a free suggestion: the author's village, or town, or the district. */
export function personalScope(person: UserDoc): Scope {
  if (person.town && person.village) return { level: 'village', town: person.town, village: person.village };
  if (person.town) return { level: 'town', town: person.town, village: null };
  return { level: 'district', town: null, village: null };
}
