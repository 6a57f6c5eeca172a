export default definePageConfig({
  navigationBarTitleText: '编辑答题活动',
});
