export default definePageConfig({
  navigationBarTitleText: '建议办理',
});
