import Taro, { useShareAppMessage } from '@tarojs/taro';
import { ROUTES } from '../../routes';
import { CERTIFICATE_CARD_ID } from './certificate';

interface CardHandle {
  toTempFile: () => Promise<string>;
}

function isCardHandle(value: unknown): value is CardHandle {
  return typeof value === 'object' && value !== null && typeof (value as { toTempFile?: unknown }).toTempFile === 'function';
}

/**
 * Shares a passed certificate in WeChat: the poster as the card's picture, the 学法 home as the
 * page opened (a certificate page shows only its owner's result). `title` null: nothing passed yet.
 */
export function useCertificateShare(title: string | null): void {
  useShareAppMessage(() => {
    const base = { title: title ? `我通过了「${title}」学法答题，一起来学法吧` : '巾帼法治通 · 一起来学法', path: ROUTES.learn };
    const card: unknown = title ? Taro.getCurrentInstance().page?.selectComponent?.(`#${CERTIFICATE_CARD_ID}`) : null;
    if (!isCardHandle(card)) return base;
    // WeChat waits up to 3 s for `promise`, then shares `base` as it is.
    return { ...base, promise: card.toTempFile().then((imageUrl) => ({ ...base, imageUrl })).catch(() => base) };
  });
}
