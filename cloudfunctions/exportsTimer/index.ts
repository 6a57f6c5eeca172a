import { _, cloud } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { PAGE_MAX, pageOf, removeWhere } from '../_lib/db-helpers';
import type { ExportDoc } from '../_lib/export';
import { createTimer } from '../_lib/handler';

/**
 * CloudBase deletes at most 50 files in one `deleteFile` call
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/storage/deleteFile.html).
 */
const DELETE_MAX = 50;
/** `deleteFile`'s per-file status for a file that is not there (CloudBase's STORAGE_FILE_NONEXIST). */
const FILE_NOT_EXISTS = -503003;
/** Pages of records one run works through (a backlog is finished by the next runs). */
const PAGES_PER_RUN = 20;
/** Records a page: pageOf reads one more than this, which keeps the read within 100. */
const PAGE_SIZE = PAGE_MAX - 1;

interface Deleted {
  fileList: Array<{ fileID: string; status: number }>;
}

/** Deletes these files, 50 a call; answers the records whose file is gone (deleted now or before). */
async function deleteFiles(docs: ExportDoc[]): Promise<{ gone: string[]; failed: number }> {
  const batches: ExportDoc[][] = [];
  for (let i = 0; i < docs.length; i += DELETE_MAX) batches.push(docs.slice(i, i + DELETE_MAX));
  const answers = await Promise.all(batches.map((batch) => cloud.deleteFile({ fileList: batch.map((d) => d.fileID) }) as Promise<Deleted>));
  const status = new Map(answers.flatMap((a) => a.fileList.map((f) => [f.fileID, f.status] as const)));
  const gone = docs.filter((d) => status.get(d.fileID) === 0 || status.get(d.fileID) === FILE_NOT_EXISTS).map((d) => d._id);
  return { gone, failed: docs.length - gone.length };
}

/**
 * Exported files are removed from cloud storage when their time is up (see EXPORT_KEEP_HOURS), and
 * their records with them; a file that could not be deleted keeps its record for the next run.
 */
export const main = createTimer('exportsTimer', async (now) => {
  let removed = 0;
  let failed = 0;
  let cursor: string | undefined;
  for (let n = 0; n < PAGES_PER_RUN; n += 1) {
    const page = await pageOf<ExportDoc>(COLL.exports, { removeAt: _.lte(now) }, { field: 'removeAt', dir: 'asc' }, cursor, PAGE_SIZE);
    if (page.items.length === 0) break;
    const done = await deleteFiles(page.items);
    failed += done.failed;
    if (done.gone.length > 0) removed += await removeWhere(COLL.exports, { _id: _.in(done.gone) });
    if (!page.next) break;
    cursor = page.next;
  }
  return { removed, failed };
});
