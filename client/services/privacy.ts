import Taro from '@tarojs/taro';

/**
 * Asks WeChat for the user's consent to the 用户隐私保护指引 before a privacy API (choosing a file,
 * saving to the album). No custom listener is registered, so WeChat shows its own privacy popup.
 * Resolves true when she agreed (or nothing is needed: the browser, an older base library).
 */
export function requirePrivacy(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(true);
  const wx = Taro as unknown as { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void };
  const ask = wx.requirePrivacyAuthorize;
  if (typeof ask !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => ask({ success: () => resolve(true), fail: () => resolve(false) }));
}
