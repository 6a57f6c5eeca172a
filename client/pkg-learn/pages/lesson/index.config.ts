export default definePageConfig({
  navigationBarTitleText: '学一课',
});
