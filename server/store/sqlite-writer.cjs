// Entry of the store's writer thread. The writer is TypeScript; tsx's require hook loads it the
// same way under `npm start`, jest and the benchmarks.
require('tsx/cjs');
require('./sqlite-writer.ts');
