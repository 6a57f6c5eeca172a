export default definePageConfig({
  navigationBarTitleText: '编辑议题',
});
