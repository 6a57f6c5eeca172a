export default definePageConfig({
  navigationBarTitleText: '镇街妇女人数',
});
