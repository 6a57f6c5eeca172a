import type { Dashboard } from '../../shared/contracts/stats';

const n = (x: number) => x.toLocaleString('en-US').replace(/,/g, '');

/** Rounds down to the report's "余" style: 4万余, 2400余, 40余; small numbers stay exact. */
export function approx(x: number): string {
  if (x >= 10000) return `${Math.floor(x / 10000)}万余`;
  if (x >= 1000) return `${Math.floor(x / 100) * 100}余`;
  if (x >= 100) return `${Math.floor(x / 10) * 10}余`;
  return String(x);
}

/**
 * The year-end figures in the Federation's report terms (发放维权宣传资料…, …人次参加线上法律知识普及活动,
 * 接待来访…, 受理调解…件, 协助处理家暴案件…起, 发放家暴告诫书…份, 协助…位妇女申请人身安全保护令),
 * online and offline together, with paragraphs ready to paste.
 */
export function annualFigures(year: number, d: Dashboard) {
  const action = (type: string) => d.help.actions.find((a) => a.type === type);
  const materials = d.totals.activities.materials;
  const online = d.totals.lessonReads.times + d.totals.quizAttempts.times;
  const visits = d.help.visits;
  const mediations = action('调解');
  const mediationCases = mediations?.cases ?? mediations?.times ?? 0;
  const dvCases = d.help.byCategory.find((c) => c.category === '家庭暴力')?.times ?? 0;
  const warningLetters = action('协助公安出具告诫书')?.times ?? 0;
  const protectionOrders = action('协助申请人身安全保护令')?.cases ?? action('协助申请人身安全保护令')?.times ?? 0;
  const lectures = d.offline.find((o) => o.type === '讲座');
  const figures = [
    { key: 'materials', label: '发放维权宣传资料', value: materials, unit: '份' },
    { key: 'onlineTimes', label: '参加线上法律知识普及活动', value: online, unit: '人次' },
    { key: 'lessonReads', label: '其中：线上学法', value: d.totals.lessonReads.times, unit: '人次' },
    { key: 'quizAttempts', label: '其中：线上答题', value: d.totals.quizAttempts.times, unit: '人次' },
    { key: 'quizPeople', label: '参加线上答题', value: d.totals.quizAttempts.people ?? 0, unit: '人' },
    { key: 'offlineActivities', label: '开展线下普法活动', value: d.totals.activities.count, unit: '场' },
    { key: 'offlineReached', label: '线下活动覆盖', value: d.totals.activities.reached, unit: '人次' },
    { key: 'visits', label: '接待来访妇女群众', value: visits, unit: '人次' },
    { key: 'onlineRequests', label: '线上求助登记', value: d.help.online, unit: '件' },
    { key: 'mediations', label: '受理调解婚姻家庭矛盾纠纷案件', value: mediationCases, unit: '件' },
    { key: 'dvCases', label: '协助处理家暴案件', value: dvCases, unit: '起' },
    { key: 'warningLetters', label: '协助发放家暴告诫书', value: warningLetters, unit: '份' },
    { key: 'protectionOrders', label: '协助妇女申请人身安全保护令', value: protectionOrders, unit: '位' },
    { key: 'suggestions', label: '网上议事厅收到建议', value: d.hall.submitted, unit: '条' },
    { key: 'adopted', label: '建议被采纳', value: d.hall.adopted, unit: '条' },
  ];
  const paragraphs = [
    `${year}年，${d.scope.name}妇联常态化开展“千万妇女大学法”活动，发放维权宣传资料${approx(materials)}份，开展线下普法讲座、培训等活动${n(d.totals.activities.count)}场（其中讲座${n(lectures?.count ?? 0)}场），覆盖${approx(d.totals.activities.reached)}人次；${approx(online)}人次参加线上法律知识普及活动，其中线上答题${approx(d.totals.quizAttempts.times)}人次、${approx(d.totals.quizAttempts.people ?? 0)}人参与。`,
    `依托“暖心刘妈”工作室，接待来访妇女群众${approx(visits)}人次，受理线上求助登记${n(d.help.online)}件；受理调解婚姻家庭矛盾纠纷案件${approx(mediationCases)}件，其中协助处理家暴案件${n(dvCases)}起，协助公安机关发放家暴告诫书${n(warningLetters)}份，协助${n(protectionOrders)}位妇女申请人身安全保护令。`,
    `“妇女网上议事厅”收到群众建议${n(d.hall.submitted)}条，已答复${n(d.hall.answered)}条，采纳${n(d.hall.adopted)}条${d.hall.averageRating === null ? '' : `，群众对答复的平均满意度为${d.hall.averageRating.toFixed(1)}分（满分5分）`}。`,
  ];
  return { year, scopeName: d.scope.name, figures, paragraphs };
}
