import type { Dashboard } from '../../shared/contracts/stats';
import { CASE_ACTIONS, CASE_OUTCOMES, HELP_CATEGORIES } from '../../shared/domain/help';
import { ACTIVITY_TYPES, LAW_IDS, TREND_METRICS } from '../../shared/domain/stats-catalog';
import { counterId, metricVariant } from '../../shared/stats-keys';
import { hoursOf, type Period } from '../../shared/time';
import type { TownDoc } from '../_lib/regions';

type Amounts = Record<string, number>;
/** A counter document: totals, per-town and per-village amounts, and total-only tallies. */
export type CounterDoc = Amounts & { _id: string; towns?: Record<string, Amounts>; villages?: Record<string, Amounts>; qs?: Record<string, { a?: number; w?: number }> };

/** Whose figures: the district, one town, or one village. */
export interface Scope {
  level: 'district' | 'town' | 'village';
  town: string | null;
  village: string | null;
  name: string;
}

interface Input {
  scope: Scope;
  period: { kind: Period | 'custom'; key: string; from: string; to: string; label: string; parts: Array<{ period: Period; key: string }> };
  counters: Map<string, CounterDoc>;
  towns: Map<string, TownDoc>;
  trend: Array<{ period: Period; key: string; label: string }>;
  lawShort: Record<string, string>;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * The dashboard from counter documents only: sums of 人次 and amounts over the period's parts;
 * 人数 only where the period is one counter period (distinct people do not add up).
 */
export function buildDashboard({ scope, period, counters, towns, trend, lawShort }: Input): Dashboard {
  const single = period.parts.length === 1;
  const at = (doc: CounterDoc | undefined, town: string | null = scope.town, village: string | null = scope.village): Amounts | undefined => {
    if (!doc) return undefined;
    if (village) return doc.villages?.[village];
    if (town) return doc.towns?.[town];
    return doc;
  };
  const docsOf = (metric: string) => period.parts.map((p) => counters.get(counterId(metric, p.period, p.key)));
  const sum = (metric: string, field = 'times', town?: string | null, village: string | null = null) =>
    docsOf(metric).reduce((s, d) => s + ((town === undefined ? at(d) : at(d, town, village))?.[field] ?? 0), 0);
  const people = (metric: string, town?: string | null, village: string | null = null): number | null => (single ? sum(metric, 'people', town, village) : null);
  const count = (metric: string) => ({ times: sum(metric), people: people(metric) });
  const v = metricVariant;

  const quizTimes = sum('quiz_attempt');
  const graded = sum('quiz_attempt', 'graded');
  const adopted = sum(v('suggestion_state', ['state', 'adopted']));
  const declined = sum(v('suggestion_state', ['state', 'declined']));
  const replies = sum('suggestion_reply');
  const ratings = sum('suggestion_rating');
  const accepted = sum('help_accepted');

  // Hardest questions: per-question tallies are kept for the whole district only.
  const tallies = new Map<string, { lawId: string; a: number; w: number }>();
  for (const lawId of LAW_IDS) {
    for (const d of docsOf(v('quiz_law', ['law', lawId]))) {
      for (const [q, t] of Object.entries(d?.qs ?? {})) {
        const cur = tallies.get(q) ?? { lawId, a: 0, w: 0 };
        cur.a += t.a ?? 0;
        cur.w += t.w ?? 0;
        tallies.set(q, cur);
      }
    }
  }
  const hardest = [...tallies.entries()]
    .filter(([, t]) => t.a > 0 && t.w > 0)
    .sort((x, y) => y[1].w / y[1].a - x[1].w / x[1].a || y[1].w - x[1].w)
    .slice(0, 10)
    .map(([questionId, t]) => ({ questionId, stem: '', lawShort: lawShort[t.lawId] ?? t.lawId, answered: t.a, wrong: t.w, wrongRate: t.w / t.a }));

  const townRows = scope.level === 'village' ? [] : [...towns.values()].filter((t) => scope.level === 'district' || t._id === scope.town);
  // Villages of the towns shown: a town's staff see all of theirs; the district only those with any figure (retired ones keep their history).
  const villageRows = () =>
    townRows.flatMap((t) =>
      t.villages
        .map((vil) => ({
          town: t._id,
          village: vil.id,
          name: `${t.name}${vil.name}`,
          lessonReads: sum('lesson_read', 'times', t._id, vil.id),
          quizAttempts: sum('quiz_attempt', 'times', t._id, vil.id),
          quizPeople: people('quiz_attempt', t._id, vil.id),
          suggestions: sum('suggestion', 'times', t._id, vil.id),
          helpRequests: sum('help_request', 'times', t._id, vil.id),
        }))
        .filter((r) => (scope.level === 'town' && !t.villages.find((x) => x.id === r.village)?.retired) || r.lessonReads + r.quizAttempts + r.suggestions + r.helpRequests > 0),
    );
  return {
    scope: { level: scope.level, name: scope.name },
    period: { kind: period.kind, key: period.key, from: period.from, to: period.to, label: period.label },
    totals: {
      lessonReads: count('lesson_read'),
      quizAttempts: count('quiz_attempt'),
      suggestions: count('suggestion'),
      helpRequests: count('help_request'),
      visits: sum(v('help_request', ['channel', 'visit'])),
      activities: { count: sum('activity'), reached: sum('activity', 'reached'), materials: sum('activity', 'materials') },
    },
    trends: TREND_METRICS.map((metric) => ({
      metric,
      label: { lesson_read: '学法', quiz_attempt: '答题', suggestion: '建议', help_request: '求助', activity: '线下活动' }[metric],
      points: trend.map((p) => ({ key: p.key, label: p.label, times: at(counters.get(counterId(metric, p.period, p.key)))?.times ?? 0 })),
    })),
    towns: townRows.map((t) => {
      const quizPeople = people('quiz_attempt', t._id);
      const women = typeof t.women === 'number' && t.women > 0 ? t.women : null;
      return {
        town: t._id,
        name: t.name,
        lessonReads: sum('lesson_read', 'times', t._id),
        quizAttempts: sum('quiz_attempt', 'times', t._id),
        quizPeople,
        women,
        rate: quizPeople !== null && women ? quizPeople / women : null,
        suggestions: sum('suggestion', 'times', t._id),
        helpRequests: sum('help_request', 'times', t._id),
        activities: sum('activity', 'times', t._id),
      };
    }),
    villages: villageRows(),
    learn: {
      perLaw: LAW_IDS.map((lawId) => {
        const m = v('quiz_law', ['law', lawId]);
        const answered = sum(m, 'answered');
        const correct = sum(m, 'correct');
        return { lawId, lawShort: lawShort[lawId] ?? lawId, reads: sum(v('lesson_read', ['law', lawId])), attempts: sum(m), people: people(m), answered, correct, accuracy: ratio(correct, answered), passes: sum(m, 'passes') };
      }),
      averageScore: ratio(sum('quiz_attempt', 'scoreSum'), quizTimes),
      passRate: ratio(sum('quiz_attempt', 'passes'), graded),
      hardest,
      hardestScope: '全区',
    },
    hall: {
      submitted: sum('suggestion'),
      published: sum(v('suggestion_state', ['state', 'published'])),
      held: sum(v('suggestion_state', ['state', 'pending'])),
      rejected: sum(v('suggestion_state', ['state', 'rejected'])),
      accepted: sum(v('suggestion_state', ['state', 'accepted'])),
      adopted,
      declined,
      answered: sum(v('suggestion_state', ['state', 'answered'])),
      adoptionRate: ratio(adopted, adopted + declined),
      supports: sum('suggestion_support'),
      averageReplyHours: replies > 0 ? hoursOf(sum('suggestion_reply', 'replyMs') / replies) : null,
      averageRating: ratio(sum('suggestion_rating', 'score'), ratings),
    },
    help: {
      byCategory: HELP_CATEGORIES.map((category) => ({ category, times: sum(v('help_request', ['category', category])) })),
      online: sum(v('help_request', ['channel', 'online'])),
      visits: sum(v('help_request', ['channel', 'visit'])),
      accepted,
      averageAcceptHours: accepted > 0 ? hoursOf(sum('help_accepted', 'acceptMs') / accepted) : null,
      byOutcome: CASE_OUTCOMES.map((outcome) => ({ outcome, times: sum(v('help_closed', ['outcome', outcome])) })),
      actions: CASE_ACTIONS.map((type) => ({ type, times: sum(v('help_action', ['type', type])), cases: people(v('help_action', ['type', type])) })),
      followUpsDone: sum('help_followup_done'),
    },
    offline: ACTIVITY_TYPES.map((type) => {
      const m = v('activity', ['type', type]);
      return { type, count: sum(m), reached: sum(m, 'reached'), materials: sum(m, 'materials') };
    }),
  };
}
