import { ROUTES } from '../../routes';

/** A topic's page, or (null) the page of free suggestions, those not made to any topic. */
export function topicUrl(topicId: string | null): string {
  return topicId === null ? `${ROUTES.topic}?free=1` : `${ROUTES.topic}?topicId=${encodeURIComponent(topicId)}`;
}

/** The suggestion form, for a topic or (no id) a free suggestion. */
export function submitUrl(topicId?: string): string {
  return topicId ? `${ROUTES.submitSuggestion}?topicId=${encodeURIComponent(topicId)}` : ROUTES.submitSuggestion;
}

/** What 我的建议 was opened for: one suggestion to point out, and whether it was just sent (held or public). */
export interface MineFocus {
  id: string;
  sent?: 'held' | 'public';
}

/** 我的建议, optionally pointing at one suggestion. */
export function mineUrl(focus?: MineFocus): string {
  if (!focus) return ROUTES.mySuggestions;
  return `${ROUTES.mySuggestions}?id=${encodeURIComponent(focus.id)}${focus.sent ? `&sent=${focus.sent}` : ''}`;
}

/** The topic form of the workbench: an existing topic, or a new one. */
export function staffTopicEditUrl(topicId?: string): string {
  return topicId ? `${ROUTES.staffHallTopicEdit}?id=${encodeURIComponent(topicId)}` : ROUTES.staffHallTopicEdit;
}

const TAB_PAGES: readonly string[] = [ROUTES.learn, ROUTES.hall, ROUTES.service, ROUTES.me];
const KNOWN_PAGES: ReadonlySet<string> = new Set(Object.values(ROUTES));

/**
 * Where a notice leads, when its page is one of ours: notices name pages as the server wrote them
 * ("pkg-hall/pages/mine/index?id=…", no leading slash). Tab pages take no parameters.
 */
export function noticeTarget(page: string | null): { url: string; tab: boolean } | null {
  if (!page) return null;
  const url = page.startsWith('/') ? page : `/${page}`;
  const [path = ''] = url.split('?');
  if (!KNOWN_PAGES.has(path)) return null;
  return TAB_PAGES.includes(path) ? { url: path, tab: true } : { url, tab: false };
}
