export default definePageConfig({
  navigationBarTitleText: '服务登记',
});
