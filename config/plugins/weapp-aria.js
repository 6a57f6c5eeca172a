/**
 * Lets `aria-label` and `aria-role` reach the WeChat templates. Taro's weapp templates only
 * render the attributes it knows per component, so screen readers (读屏) would never see our
 * labels. The attributes are added to the template builder and, through a runtime file, to the
 * runtime's component table: both derive the same short attribute aliases from that table, so
 * they must change together.
 */
const path = require('node:path');

const ARIA = require('./weapp-aria-attrs.json');

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.platform !== 'weapp' || !platform.template) return;
      platform.template.mergeComponents(ctx, ARIA);
      const runtime = path.join(__dirname, 'weapp-aria-runtime.js');
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime];
    },
  });
};
