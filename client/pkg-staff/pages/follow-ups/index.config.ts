export default definePageConfig({
  navigationBarTitleText: '回访提醒',
});
