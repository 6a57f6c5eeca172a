export default definePageConfig({
  navigationBarTitleText: '纠错处理',
});
