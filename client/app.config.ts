export default defineAppConfig({
  pages: ['pages/learn/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'pkg-learn',
      pages: ['pages/lessons/index', 'pages/lesson/index'],
    },
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
    list: [
      { pagePath: 'pages/learn/index', text: '学法' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Browser build only: pages appear at once instead of sliding in (calmer, and stable to test).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});
