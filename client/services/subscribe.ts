import Taro from '@tarojs/taro';
import { localHostHeaders } from './cloud';

/** The local host's stand-in template, used when the build names none. */
const LOCAL_TEMPLATE = 'local-status-template';

/** The subscribe-message template "the status of what you sent in changed", named at build time. */
export function statusTemplateId(): string {
  try {
    return process.env.TARO_APP_SUBSCRIBE_TEMPLATE_STATUS || LOCAL_TEMPLATE;
  } catch {
    return LOCAL_TEMPLATE; // no `process` at run time when the build defined no such variable
  }
}

/**
 * Asks to be told when a suggestion's status changes. In WeChat this is the one-time subscribe
 * prompt, which must start inside the tap that leads here; in the browser the local host records
 * the same consent. Whatever she answers (or if it fails) it resolves: the in-app inbox always
 * gets the notice, so nothing waits on this.
 */
export async function askForStatusNotices(): Promise<void> {
  const tmplIds = [statusTemplateId()];
  try {
    if (process.env.TARO_ENV === 'h5') {
      await fetch('/api/dev/subscribe', {
        method: 'POST',
        headers: localHostHeaders(),
        body: JSON.stringify({ templateIds: tmplIds }),
        credentials: 'same-origin',
      });
    } else {
      // Taro's type wants Alipay's entityIds as well; WeChat takes tmplIds alone.
      await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    }
  } catch {
    // Refused, dismissed, not supported on this WeChat, or offline: submit anyway.
  }
}
