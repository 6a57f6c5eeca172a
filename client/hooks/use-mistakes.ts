import type { Output } from '@shared/contracts';
import { usePagedCall, type MergePages, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** One law's group of the mistake book. */
export type MistakeGroup = Output<'learn', 'listMistakes'>['groups'][number];

type Book = Output<'learn', 'listMistakes'>;

/** A further page of the book joins the groups of its laws (a law's group may span pages). */
const mergeBook: MergePages<Book> = (shown, page) => {
  const groups = shown.groups.map((g) => ({ ...g, items: [...g.items] }));
  for (const g of page.groups) {
    const same = groups.find((x) => x.lawId === g.lawId);
    if (same) same.items.push(...g.items.filter((i) => !same.items.some((x) => x.question.id === i.question.id)));
    else groups.push(g);
  }
  return { ...page, groups };
};

/** My mistake book, grouped by law, the latest mistakes first, a page at a time; reloaded whenever the page shows again (after a drill). */
export function useMistakes(): PagedCallState<Book> {
  const mistakes = usePagedCall('learn', 'listMistakes', {}, mergeBook);
  useRefreshOnShow(mistakes.retry);
  return mistakes;
}
