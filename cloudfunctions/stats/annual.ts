import type { Dashboard } from '../../shared/contracts/stats';

const n = (x: number) => String(Math.round(x));

/**
 * A figure in the report's "余" style: 4万余, 2400余, 40余 stay honest: 余 only when something was
 * rounded away; small numbers stay exact (22起, 18份, 8位).
 */
export function approx(x: number): string {
  const v = Math.round(x);
  const say = (shown: number, text: string) => `${text}${shown === v ? '' : '余'}`;
  if (v >= 100_000_000) return say(Math.floor(v / 100_000_000) * 100_000_000, `${Math.floor(v / 100_000_000)}亿`);
  if (v >= 10_000) return say(Math.floor(v / 10_000) * 10_000, `${Math.floor(v / 10_000)}万`);
  const unit = v >= 1_000 ? 100 : v >= 100 ? 10 : 1;
  const shown = Math.floor(v / unit) * unit;
  return say(shown, String(shown));
}

/** Clauses joined as the report writes them, or null when there is nothing to say. */
function sentence(opening: string, clauses: Array<string | null>): string | null {
  const said = clauses.filter((c): c is string => c !== null && c !== '');
  return said.length === 0 ? null : `${opening}${said.join('，')}。`;
}

/** Who the report speaks for: 区妇联, a town's 妇联, or a village's station. */
function subjectOf(scope: Dashboard['scope']): string {
  if (scope.level === 'district') return '区妇联';
  if (scope.level === 'town') return `${scope.name}妇联`;
  return `${scope.name}“暖心刘妈”工作室`;
}

/**
 * The year-end figures in the Federation's report terms (发放维权宣传资料…, …人次参加线上法律知识普及活动,
 * 接待来访…, 受理调解…件, 其中协助处理家暴案件…起, 发放家暴告诫书…份, 协助…位妇女申请人身安全保护令),
 * online and offline together, with paragraphs ready to paste. A paragraph says only what happened:
 * zero clauses are left out, and "其中" is used only for a part no larger than its whole.
 */
export function annualFigures(year: number, d: Dashboard) {
  const action = (type: string) => d.help.actions.find((a) => a.type === type);
  const materials = d.totals.activities.materials;
  const reads = d.totals.lessonReads.times;
  const quizTimes = d.totals.quizAttempts.times;
  const quizPeople = d.totals.quizAttempts.people ?? 0;
  const online = reads + quizTimes;
  const visits = d.help.visits;
  const mediations = action('调解');
  const mediationCases = mediations?.cases ?? mediations?.times ?? 0;
  const dvCases = d.help.byCategory.find((c) => c.category === '家庭暴力')?.times ?? 0;
  const warningLetters = action('协助公安出具告诫书')?.times ?? 0;
  const protectionOrders = action('协助申请人身安全保护令')?.cases ?? action('协助申请人身安全保护令')?.times ?? 0;
  const activities = d.totals.activities.count;
  const reached = d.totals.activities.reached;
  const lectures = d.offline.find((o) => o.type === '讲座')?.count ?? 0;
  const figures = [
    { key: 'materials', label: '发放维权宣传资料', value: materials, unit: '份' },
    { key: 'onlineTimes', label: '参加线上法律知识普及活动', value: online, unit: '人次' },
    { key: 'lessonReads', label: '其中：线上学法', value: reads, unit: '人次' },
    { key: 'quizAttempts', label: '其中：线上答题', value: quizTimes, unit: '人次' },
    { key: 'quizPeople', label: '参加线上答题', value: quizPeople, unit: '人' },
    { key: 'offlineActivities', label: '开展线下普法活动', value: activities, unit: '场' },
    { key: 'offlineReached', label: '线下活动覆盖', value: reached, unit: '人次' },
    { key: 'visits', label: '接待来访妇女群众', value: visits, unit: '人次' },
    { key: 'onlineRequests', label: '线上求助登记', value: d.help.online, unit: '件' },
    { key: 'mediations', label: '受理调解婚姻家庭矛盾纠纷案件', value: mediationCases, unit: '件' },
    { key: 'dvCases', label: '协助处理家暴案件', value: dvCases, unit: '起' },
    { key: 'warningLetters', label: '协助发放家暴告诫书', value: warningLetters, unit: '份' },
    { key: 'protectionOrders', label: '协助妇女申请人身安全保护令', value: protectionOrders, unit: '位' },
    { key: 'suggestions', label: '网上议事厅收到建议', value: d.hall.submitted, unit: '条' },
    { key: 'adopted', label: '建议被采纳', value: d.hall.adopted, unit: '条' },
  ];

  // 千万妇女大学法: leaflets, offline events, online learning.
  const offline =
    activities > 0
      ? `开展线下普法讲座、培训等活动${n(activities)}场${lectures > 0 && lectures < activities ? `（其中讲座${n(lectures)}场）` : ''}${reached > 0 ? `，覆盖${approx(reached)}人次` : ''}`
      : null;
  let onlineClause: string | null = null;
  if (reads > 0 && quizTimes > 0) onlineClause = `${approx(online)}人次参加线上法律知识普及活动，其中线上答题${approx(quizTimes)}人次${quizPeople > 0 ? `、${approx(quizPeople)}人参与` : ''}`;
  else if (reads > 0) onlineClause = `${approx(reads)}人次参加线上法律知识普及活动`;
  else if (quizTimes > 0) onlineClause = `${approx(quizTimes)}人次参加线上法律知识答题${quizPeople > 0 ? `（${approx(quizPeople)}人参与）` : ''}`;
  const learning = sentence(`${year}年，${subjectOf(d.scope)}常态化开展“千万妇女大学法”活动，`, [materials > 0 ? `发放维权宣传资料${approx(materials)}份` : null, offline, onlineClause]);

  // 暖心刘妈: visits, requests, mediation, and what the Federation assisted with.
  const dvPart = dvCases > 0 && mediationCases > 0 && dvCases <= mediationCases;
  const stationOpening = d.scope.level === 'village' ? `${d.scope.name}“暖心刘妈”工作室` : '依托“暖心刘妈”工作室，';
  const rights = sentence(`${year}年，${stationOpening}`, [
    visits > 0 ? `接待来访妇女群众${approx(visits)}人次` : null,
    d.help.online > 0 ? `受理线上求助登记${n(d.help.online)}件` : null,
    mediationCases > 0 ? `受理调解婚姻家庭矛盾纠纷案件${approx(mediationCases)}件${dvPart ? `，其中协助处理家暴案件${n(dvCases)}起` : ''}` : null,
    dvCases > 0 && !dvPart ? `协助处理家暴案件${n(dvCases)}起` : null,
    warningLetters > 0 ? `协助公安机关发放家暴告诫书${n(warningLetters)}份` : null,
    protectionOrders > 0 ? `协助${n(protectionOrders)}位妇女申请人身安全保护令` : null,
  ]);

  // 妇女网上议事厅. Replies this year may answer suggestions of last year: more replies than
  // suggestions are then told as the year's work, not as a share of this year's suggestions.
  const h = d.hall;
  const ofThese = h.answered <= h.submitted && h.adopted <= h.submitted;
  const hall = sentence(`${year}年，“妇女网上议事厅”`, [
    h.submitted > 0 ? `收到群众建议${n(h.submitted)}条` : null,
    h.answered > 0 ? `${ofThese ? '已答复' : '全年答复建议'}${n(h.answered)}条` : null,
    h.adopted > 0 ? `采纳${n(h.adopted)}条` : null,
    h.answered > 0 && h.averageRating !== null ? `群众对答复的平均满意度为${h.averageRating.toFixed(1)}分（满分5分）` : null,
  ]);

  const paragraphs = [learning, rights, hall].filter((p): p is string => p !== null);
  return { year, scopeName: d.scope.name, figures, paragraphs: paragraphs.length > 0 ? paragraphs : [`${year}年${d.scope.name}还没有可以写入报告的数字。`] };
}
