export default defineAppConfig({
  pages: ['pages/learn/index', 'pages/hall/index', 'pages/service/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'pkg-learn',
      pages: ['pages/lessons/index', 'pages/lesson/index', 'pages/quiz/index', 'pages/result/index', 'pages/mistakes/index', 'pages/progress/index', 'pages/ranking/index', 'pages/campaigns/index', 'pages/certificate/index'],
    },
    {
      root: 'pkg-staff',
      pages: ['pages/index/index', 'pages/questions/index', 'pages/question-edit/index', 'pages/import/index', 'pages/campaigns/index', 'pages/campaign-edit/index', 'pages/reports/index', 'pages/lessons/index', 'pages/lesson-edit/index', 'pages/hall-topics/index', 'pages/hall-topic-edit/index', 'pages/hall-moderation/index', 'pages/hall-handling/index', 'pages/cases/index', 'pages/case/index', 'pages/visit/index', 'pages/follow-ups/index', 'pages/audit/index', 'pages/stats/index', 'pages/stats-annual/index', 'pages/activities/index', 'pages/activity-edit/index', 'pages/towns/index', 'pages/people/index', 'pages/places/index'],
    },
    { root: 'pkg-hall', pages: ['pages/topic/index', 'pages/submit/index', 'pages/mine/index'] },
    { root: 'pkg-me', pages: ['pages/inbox/index', 'pages/join/index', 'pages/my-data/index', 'pages/privacy/index'] },
    { root: 'pkg-help', pages: ['pages/request/index', 'pages/records/index', 'pages/record/index'] },
  ],
  // Lessons are what a reader opens next from the first screen: fetch that package early.
  preloadRule: {
    'pages/learn/index': { network: 'all', packages: ['pkg-learn'] },
  },
  window: {
    navigationBarTitleText: '巾帼法治通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f5f3',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#a31545',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // 81×81 PNGs drawn by scripts/make-icons.ts: gray outlines, filled in the theme colour when selected.
    list: [
      { pagePath: 'pages/learn/index', text: '学法', iconPath: 'assets/tabbar/learn.png', selectedIconPath: 'assets/tabbar/learn-active.png' },
      { pagePath: 'pages/hall/index', text: '议事', iconPath: 'assets/tabbar/hall.png', selectedIconPath: 'assets/tabbar/hall-active.png' },
      { pagePath: 'pages/service/index', text: '服务', iconPath: 'assets/tabbar/service.png', selectedIconPath: 'assets/tabbar/service-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Browser build only: pages appear at once instead of sliding in (calmer, and stable to test).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});
