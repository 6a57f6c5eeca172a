import { statsContract, type Dashboard } from '../../shared/contracts/stats';
import { daysOf, keyOfDay, trendOf } from '../../shared/domain/periods';
import { TREND_METRICS, dashboardMetrics } from '../../shared/domain/stats-catalog';
import type { SheetData } from '../../shared/domain/xlsx-writer';
import { AppError } from '../../shared/result';
import { counterId } from '../../shared/stats-keys';
import { addDays, chinaDay, daysBetween, formatDay, periodLabel, type Period } from '../../shared/time';
import { COLL } from '../_lib/collections';
import { exportWorkbook } from '../_lib/export';
import { listByIds } from '../_lib/db-helpers';
import { createFunction, type CallContext } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import { placeName, townsById } from '../_lib/regions';
import { buildDashboard, type CounterDoc, type Scope } from './figures';
import { activityHandlers } from './activities';
import { annualFigures } from './annual';

const MAX_CUSTOM_DAYS = 92;
const LAW_SHORT: Record<string, string> = { constitution: '宪法', 'civil-code': '民法典', 'women-rights': '妇女权益保障法', 'anti-dv': '反家庭暴力法', minors: '未成年人保护法', 'family-education': '家庭教育促进法' };

/** The reader's scope: district staff everything, town staff their town, a station its village. */
async function scopeOf(ctx: CallContext): Promise<Scope> {
  const me: UserDoc = await ctx.profile();
  const towns = await townsById(ctx.now);
  if (me.role === 'district' || me.role === 'admin') return { level: 'district', town: null, village: null, name: '全区' };
  if (!me.town) throw new AppError('CONFLICT', '您的账号还没有设置所在镇街，请联系管理员');
  if (me.role === 'town') return { level: 'town', town: me.town, village: null, name: placeName(towns, me.town, null) };
  if (!me.village) throw new AppError('CONFLICT', '您的账号还没有设置所在村（社区），请联系管理员');
  return { level: 'village', town: me.town, village: me.village, name: placeName(towns, me.town, me.village) };
}

interface Resolved {
  kind: Period | 'custom';
  key: string;
  from: string;
  to: string;
  label: string;
  /** The counter documents to read: (period, key) pairs whose sum is the period. */
  parts: Array<{ period: Period; key: string }>;
}

function resolvePeriod(input: { kind: Period | 'custom'; date?: string; from?: string; to?: string }, now: Date): Resolved {
  if (input.kind === 'custom') {
    const { from, to } = input;
    if (!from || !to) throw new AppError('INVALID_INPUT', '自定义时段需要开始和结束日期');
    if (from > to) throw new AppError('INVALID_INPUT', '开始日期要早于结束日期');
    const count = daysBetween(from, to) + 1;
    if (count > MAX_CUSTOM_DAYS) throw new AppError('INVALID_INPUT', `自定义时段最长 ${MAX_CUSTOM_DAYS} 天，更长请按月或按年查看`);
    return { kind: 'custom', key: `${from}~${to}`, from, to, label: `${from} 至 ${to}`, parts: Array.from({ length: count }, (_, i) => ({ period: 'day', key: addDays(from, i) })) };
  }
  const day = input.date ?? chinaDay(now);
  const key = keyOfDay(input.kind, day);
  const days = daysOf(input.kind, key);
  const label = periodLabel(input.kind, key);
  return { kind: input.kind, key, from: days[0] ?? day, to: days[days.length - 1] ?? day, label, parts: [{ period: input.kind, key }] };
}

/** Reads counter documents by id, 100 per request, all at once: a fixed number of reads for a period, one round trip. */
async function readCounters(ids: string[]): Promise<Map<string, CounterDoc>> {
  const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_v, i) => ids.slice(i * 100, (i + 1) * 100));
  const found = await Promise.all(chunks.map((c) => listByIds<CounterDoc>(COLL.counters, c)));
  return new Map(found.flat().map((d) => [d._id, d]));
}

async function dashboardFor(ctx: CallContext, input: { kind: Period | 'custom'; date?: string; from?: string; to?: string }): Promise<Dashboard> {
  const scope = await scopeOf(ctx);
  const period = resolvePeriod(input, ctx.now);
  const metrics = dashboardMetrics();
  const trend = period.kind === 'custom' ? period.parts.map((p) => ({ ...p, label: formatDay(p.key, 'M/D') })) : trendOf(period.kind, period.key);
  const ids = [
    ...metrics.flatMap((m) => period.parts.map((p) => counterId(m, p.period, p.key))),
    ...TREND_METRICS.flatMap((m) => trend.map((p) => counterId(m, p.period, p.key))),
  ];
  const [counters, towns] = await Promise.all([readCounters([...new Set(ids)]), townsById(ctx.now)]);
  const dashboard = buildDashboard({ scope, period, counters, towns, trend, lawShort: LAW_SHORT });
  // Stems of the hardest questions: one read of at most ten documents.
  const stems = await listByIds<{ stem: string }>(COLL.questions, dashboard.learn.hardest.map((h) => h.questionId));
  const byId = new Map(stems.map((q) => [q._id, q.stem]));
  dashboard.learn.hardest = dashboard.learn.hardest.map((h) => ({ ...h, stem: byId.get(h.questionId) ?? '（题目已删除）' }));
  return dashboard;
}

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

function sheetsOf(d: Dashboard): SheetData[] {
  return [
    {
      name: '总览',
      rows: [
        ['范围', d.scope.name],
        ['时段', d.period.label],
        [],
        ['指标', '人次', '人数'],
        ['学法（阅读课程）', d.totals.lessonReads.times, d.totals.lessonReads.people],
        ['答题', d.totals.quizAttempts.times, d.totals.quizAttempts.people],
        ['议事厅建议', d.totals.suggestions.times, d.totals.suggestions.people],
        ['求助（含来访）', d.totals.helpRequests.times, d.totals.helpRequests.people],
        ['其中来访接待', d.totals.visits, null],
        ['线下活动（场次）', d.totals.activities.count, null],
        ['线下活动覆盖人数', d.totals.activities.reached, null],
        ['发放宣传资料（份）', d.totals.activities.materials, null],
      ],
    },
    {
      name: '镇街',
      rows: [['镇街', '学法人次', '答题人次', '答题人数', '妇女人数', '参与率', '建议', '求助', '线下活动'], ...d.towns.map((t) => [t.name, t.lessonReads, t.quizAttempts, t.quizPeople, t.women, pct(t.rate), t.suggestions, t.helpRequests, t.activities])],
    },
    { name: '村（社区）', rows: [['村（社区）', '学法人次', '答题人次', '答题人数', '建议', '求助'], ...d.villages.map((r) => [r.name, r.lessonReads, r.quizAttempts, r.quizPeople, r.suggestions, r.helpRequests])] },
    {
      name: '学法答题',
      rows: [
        ['法律', '阅读人次', '答题人次', '答题人数', '作答题数', '答对题数', '正确率', '及格次数'],
        ...d.learn.perLaw.map((l) => [l.lawShort, l.reads, l.attempts, l.people, l.answered, l.correct, pct(l.accuracy), l.passes]),
        [],
        ['平均分（全部答题）', d.learn.averageScore === null ? '' : Number(d.learn.averageScore.toFixed(1))],
        ['及格率（答题活动）', pct(d.learn.passRate)],
        [],
        [`最难的题（${d.learn.hardestScope}）`, '法律', '作答', '答错', '错误率'],
        ...d.learn.hardest.map((h) => [h.stem, h.lawShort, h.answered, h.wrong, pct(h.wrongRate)]),
      ],
    },
    {
      name: '议事厅',
      rows: [
        ['指标', '数量'],
        ['提交建议', d.hall.submitted],
        ['直接公开', d.hall.published],
        ['转人工审核', d.hall.held],
        ['未通过', d.hall.rejected],
        ['已受理', d.hall.accepted],
        ['已采纳', d.hall.adopted],
        ['未采纳', d.hall.declined],
        ['已答复', d.hall.answered],
        ['采纳率', pct(d.hall.adoptionRate)],
        ['附议', d.hall.supports],
        ['平均答复时长（小时）', d.hall.averageReplyHours === null ? '' : Number(d.hall.averageReplyHours.toFixed(1))],
        ['平均满意度', d.hall.averageRating === null ? '' : Number(d.hall.averageRating.toFixed(2))],
      ],
    },
    {
      name: '求助',
      rows: [
        ['类别', '人次'],
        ...d.help.byCategory.map((c) => [c.category, c.times]),
        [],
        ['线上登记', d.help.online],
        ['来访接待', d.help.visits],
        ['已受理', d.help.accepted],
        ['平均受理时长（小时）', d.help.averageAcceptHours === null ? '' : Number(d.help.averageAcceptHours.toFixed(1))],
        [],
        ['结案结果', '件'],
        ...d.help.byOutcome.map((o) => [o.outcome, o.times]),
        [],
        ['处理措施', '次', '件'],
        ...d.help.actions.map((a) => [a.type, a.times, a.cases]),
        ['完成回访', d.help.followUpsDone],
      ],
    },
    { name: '线下活动', rows: [['类型', '场次', '覆盖人数', '发放资料（份）'], ...d.offline.map((o) => [o.type, o.count, o.reached, o.materials])] },
  ];
}

export const main = createFunction('stats', statsContract, {
  dashboard(input, ctx) {
    return dashboardFor(ctx, input);
  },

  async annualReport({ year }, ctx) {
    const d = await dashboardFor(ctx, { kind: 'year', date: `${year}-06-30` });
    return annualFigures(year, d);
  },

  async exportXlsx(input, ctx) {
    const d = await dashboardFor(ctx, input);
    const fileName = `巾帼法治通统计_${d.scope.name}_${d.period.key}.xlsx`;
    return exportWorkbook(fileName, sheetsOf(d), ctx.now);
  },

  ...activityHandlers(scopeOf),
});
