/**
 * The one place zod is imported; use it as `import * as z from '<path>/zod'`. `zod/mini` keeps the
 * function bundles small; jitless because the mini-program runtime may forbid `new Function`;
 * messages in Simplified Chinese because they reach the user. A star re-export (not a namespace
 * object) so bundlers still drop what is unused.
 */
import { config } from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());
config({ jitless: true });

export * from 'zod/mini';
