import Taro from '@tarojs/taro';

/** Page paths, in one place; the subpackage pages live under `pkg-learn/`. */
export const ROUTES = {
  learn: '/pages/learn/index',
  me: '/pages/me/index',
  lessons: '/pkg-learn/pages/lessons/index',
  lesson: '/pkg-learn/pages/lesson/index',
} as const;

/** The lessons page of one law. */
export function lessonsUrl(lawId: string): string {
  return `${ROUTES.lessons}?lawId=${encodeURIComponent(lawId)}`;
}

/** The reader of one lesson. */
export function lessonUrl(lessonId: string): string {
  return `${ROUTES.lesson}?id=${encodeURIComponent(lessonId)}`;
}

/** Opens a page on top of the current one; a failure (say, a full page stack) replaces it instead. */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }).catch(() => undefined));
}

/** Replaces the current page (moving between neighbouring lessons keeps the stack short). */
export function replacePage(url: string): void {
  Taro.redirectTo({ url }).catch(() => undefined);
}
