export default definePageConfig({
  navigationBarTitleText: '学法答题证书',
  // A certificate is meant to be shown around.
  enableShareAppMessage: true,
  // The poster is a native component (a type="2d" canvas); Taro builds it from client/native/.
  usingComponents: { 'certificate-card': '../../../native/certificate/index' },
});
