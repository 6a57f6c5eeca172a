import { CASE_ACTIONS, CASE_OUTCOMES, HELP_CATEGORIES } from './help';

/** Offline work staff log (线下活动). */
export const ACTIVITY_TYPES = ['讲座', '培训', '宣传资料发放', '走访', '其他'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** The laws counters are kept for (ids as in shared/content/laws.json). */
export const LAW_IDS = ['constitution', 'civil-code', 'women-rights', 'anti-dv', 'minors', 'family-education'] as const;

/** The suggestion states whose entries are counted. */
export const COUNTED_STATES = ['published', 'pending', 'rejected', 'accepted', 'in_progress', 'adopted', 'declined', 'answered'] as const;

const v = (metric: string, dim: string, value: string) => `${metric}:${dim}=${value}`;

/**
 * Every counter metric the dashboard reads for one period: a fixed list, so a dashboard costs the
 * same number of reads whatever the number of events.
 */
export function dashboardMetrics(): string[] {
  return [
    'lesson_read',
    ...LAW_IDS.map((l) => v('lesson_read', 'law', l)),
    'quiz_attempt',
    ...LAW_IDS.map((l) => v('quiz_law', 'law', l)),
    'suggestion',
    'suggestion_support',
    'suggestion_reply',
    'suggestion_rating',
    ...COUNTED_STATES.map((s) => v('suggestion_state', 'state', s)),
    'help_request',
    ...HELP_CATEGORIES.map((c) => v('help_request', 'category', c)),
    v('help_request', 'channel', 'online'),
    v('help_request', 'channel', 'visit'),
    'help_accepted',
    ...CASE_OUTCOMES.map((o) => v('help_closed', 'outcome', o)),
    ...CASE_ACTIONS.map((a) => v('help_action', 'type', a)),
    'help_followup_done',
    'activity',
    ...ACTIVITY_TYPES.map((t) => v('activity', 'type', t)),
  ];
}

/** The headline metrics drawn as trends. */
export const TREND_METRICS = ['lesson_read', 'quiz_attempt', 'suggestion', 'help_request', 'activity'] as const;

/**
 * Figures of one offline activity beyond which it cannot be one activity (the server refuses):
 * the district's whole year in the 2020 report was 4万余 leaflets, and one event that reaches more
 * than 20,000 people is a campaign to log as several.
 */
export const ACTIVITY_MAX = { reached: 20_000, materials: 50_000 } as const;

/** Figures above which staff are asked to check before saving (possible, but rarely right). */
export const ACTIVITY_USUAL = { reached: 2_000, materials: 5_000 } as const;

/**
 * Why the figures of an activity look wrong, in words staff can act on: more people than the
 * place has women (when that number is set), or more than one activity usually reaches.
 */
export function activityWarnings(figures: { reached: number; materials: number }, place: { name: string; women: number | null }): string[] {
  const out: string[] = [];
  if (place.women !== null && figures.reached > place.women) out.push(`覆盖 ${figures.reached} 人，比${place.name}登记的妇女人数（${place.women} 人）还多`);
  else if (figures.reached > ACTIVITY_USUAL.reached) out.push(`覆盖 ${figures.reached} 人，一场线下活动很少超过 ${ACTIVITY_USUAL.reached} 人`);
  if (figures.materials > ACTIVITY_USUAL.materials) out.push(`发放资料 ${figures.materials} 份，一场活动很少超过 ${ACTIVITY_USUAL.materials} 份`);
  return out;
}
