import type { Dashboard } from '../../../shared/contracts/stats';
import { CASE_ACTIONS, CASE_OUTCOMES, HELP_CATEGORIES } from '../../../shared/domain/help';
import { ACTIVITY_TYPES } from '../../../shared/domain/stats-catalog';
import { annualFigures, approx } from '../../../cloudfunctions/stats/annual';

/** A year with nothing in it, for the scope given; tests fill in what happened. */
function emptyYear(scope: Dashboard['scope'] = { level: 'district', name: '全区' }): Dashboard {
  return {
    scope,
    period: { kind: 'year', key: '2026', from: '2026-01-01', to: '2026-12-31', label: '2026 年' },
    totals: {
      lessonReads: { times: 0, people: 0 },
      quizAttempts: { times: 0, people: 0 },
      suggestions: { times: 0, people: 0 },
      helpRequests: { times: 0, people: 0 },
      visits: 0,
      activities: { count: 0, reached: 0, materials: 0 },
    },
    trends: [],
    towns: [],
    villages: [],
    learn: { perLaw: [], averageScore: null, passRate: null, hardest: [], hardestScope: '全区' },
    hall: { submitted: 0, published: 0, held: 0, rejected: 0, accepted: 0, adopted: 0, declined: 0, answered: 0, adoptionRate: null, supports: 0, averageReplyHours: null, averageRating: null },
    help: {
      byCategory: HELP_CATEGORIES.map((category) => ({ category, times: 0 })),
      online: 0,
      visits: 0,
      accepted: 0,
      averageAcceptHours: null,
      byOutcome: CASE_OUTCOMES.map((outcome) => ({ outcome, times: 0 })),
      actions: CASE_ACTIONS.map((type) => ({ type, times: 0, cases: 0 })),
      followUpsDone: 0,
    },
    offline: ACTIVITY_TYPES.map((type) => ({ type, count: 0, reached: 0, materials: 0 })),
  };
}

function withHelp(d: Dashboard, help: { visits?: number; mediations?: number; dv?: number; letters?: number; orders?: number }): Dashboard {
  const set = (type: string, n: number) => d.help.actions.map((a) => (a.type === type ? { ...a, times: n, cases: n } : a));
  let actions = d.help.actions;
  d.help = { ...d.help, visits: help.visits ?? 0, actions };
  if (help.mediations !== undefined) actions = d.help.actions = set('调解', help.mediations);
  if (help.letters !== undefined) actions = d.help.actions = set('协助公安出具告诫书', help.letters);
  if (help.orders !== undefined) actions = d.help.actions = set('协助申请人身安全保护令', help.orders);
  d.help.byCategory = d.help.byCategory.map((c) => (c.category === '家庭暴力' ? { ...c, times: help.dv ?? 0 } : c));
  return d;
}

describe('approx: figures in the report’s 余 style', () => {
  it('rounds down and says 余 only when something was rounded away', () => {
    expect(approx(43_210)).toBe('4万余');
    expect(approx(40_000)).toBe('4万');
    expect(approx(2_437)).toBe('2400余');
    expect(approx(2_400)).toBe('2400');
    expect(approx(154)).toBe('150余');
    expect(approx(22)).toBe('22');
    expect(approx(138_440_000)).toBe('1亿余');
  });
});

describe('the year-end text', () => {
  it('reads as the 2020 report does, with its own figures', () => {
    const d = withHelp(emptyYear(), { visits: 2_437, mediations: 43, dv: 22, letters: 18, orders: 8 });
    d.totals.activities = { count: 12, reached: 1_530, materials: 41_200 };
    d.totals.lessonReads = { times: 70_000, people: 9_000 };
    d.totals.quizAttempts = { times: 31_000, people: 8_000 };
    const { paragraphs } = annualFigures(2020, d);
    expect(paragraphs[0]).toBe('2020年，区妇联常态化开展“千万妇女大学法”活动，发放维权宣传资料4万余份，开展线下普法讲座、培训等活动12场，覆盖1500余人次，10万余人次参加线上法律知识普及活动，其中线上答题3万余人次、8000人参与。');
    expect(paragraphs[1]).toBe('2020年，依托“暖心刘妈”工作室，接待来访妇女群众2400余人次，受理调解婚姻家庭矛盾纠纷案件43件，其中协助处理家暴案件22起，协助公安机关发放家暴告诫书18份，协助8位妇女申请人身安全保护令。');
    expect(paragraphs).toHaveLength(2);
  });

  it('leaves out every clause whose figure is zero', () => {
    const d = withHelp(emptyYear({ level: 'town', name: '双江镇' }), { visits: 5 });
    d.totals.lessonReads = { times: 40, people: 12 };
    const text = annualFigures(2026, d).paragraphs.join('\n');
    expect(text).toContain('双江镇妇联');
    expect(text).toContain('40人次参加线上法律知识普及活动');
    expect(text).toContain('接待来访妇女群众5人次');
    expect(text).not.toMatch(/(^|[^0-9])0(份|场|人次|件|起|位|条)/);
    expect(text).not.toMatch(/协助0|其中/);
    expect(text).not.toContain('议事厅');
    expect(text).not.toContain('宣传资料');
  });

  it('never says 其中 of more than the whole', () => {
    // More domestic-violence requests than mediations: two facts side by side, not a part of a whole.
    const d = withHelp(emptyYear(), { mediations: 0, dv: 3 });
    expect(annualFigures(2026, d).paragraphs.join('')).toBe('2026年，依托“暖心刘妈”工作室，协助处理家暴案件3起。');
    const more = withHelp(emptyYear(), { mediations: 2, dv: 5 });
    const text = annualFigures(2026, more).paragraphs.join('');
    expect(text).toContain('受理调解婚姻家庭矛盾纠纷案件2件，协助处理家暴案件5起');
    expect(text).not.toContain('其中');
    // Replies this year to suggestions of last year: the year's work, not a share of this year's suggestions.
    const hall = emptyYear();
    hall.hall = { ...hall.hall, submitted: 3, answered: 7, adopted: 5 };
    expect(annualFigures(2026, hall).paragraphs.join('')).toBe('2026年，“妇女网上议事厅”收到群众建议3条，全年答复建议7条，采纳5条。');
  });

  it('says plainly when the year has nothing to report', () => {
    expect(annualFigures(2026, emptyYear({ level: 'village', name: '双江镇示例村一' })).paragraphs).toEqual(['2026年双江镇示例村一还没有可以写入报告的数字。']);
  });
});
