import { db } from './cloud';

/** Reads one document by id, or null when it does not exist. */
export async function getById<T>(collection: string, id: string): Promise<(T & { _id: string }) | null> {
  const res = await db.collection(collection).doc(id).get();
  return (res.data ?? null) as (T & { _id: string }) | null;
}

/** Whether an SDK error is a duplicate-key rejection (an insert whose `_id` exists). */
export function isDuplicateKey(err: unknown): boolean {
  const msg = err && typeof err === 'object' ? String((err as { errMsg?: unknown; message?: unknown }).errMsg ?? (err as { message?: unknown }).message ?? '') : '';
  return /duplicate key|E11000/i.test(msg);
}
