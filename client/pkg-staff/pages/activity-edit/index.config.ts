export default definePageConfig({
  navigationBarTitleText: '登记线下活动',
});
