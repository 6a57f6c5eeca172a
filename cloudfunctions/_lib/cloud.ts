// A default import is the SDK's live module object under every interop (esbuild, swc, tsx), so the
// local host's swaps are seen; a namespace import may be a copy taken at import time.
import cloud from 'wx-server-sdk';

// Once per function instance, at module scope. throwOnNotFound=false: a missing doc reads as null.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: false } as Parameters<typeof cloud.init>[0]);

/** The database of the current environment. */
export const db = cloud.database();
/** Query and update commands (`_.inc`, `_.in`, …). */
export const _ = db.command;
export { cloud };
