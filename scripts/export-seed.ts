import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { contentDocs, declaredCollections } from '../server/migrate';

// Writes the seeded content as JSON Lines per collection (dist/seed/<collection>.json), the format
// the CloudBase console imports, plus the collection list with indexes and security rules.
const OUT = path.resolve(__dirname, '../dist/seed');
fs.mkdirSync(OUT, { recursive: true });
const byColl = new Map<string, string[]>();
for (const w of contentDocs()) {
  if (!w.doc) continue;
  const lines = byColl.get(w.coll) ?? [];
  lines.push(EJSON.stringify(w.doc, { relaxed: true }));
  byColl.set(w.coll, lines);
}
for (const [coll, lines] of byColl) {
  fs.writeFileSync(path.join(OUT, `${coll}.json`), `${lines.join('\n')}\n`);
  console.log(`dist/seed/${coll}.json: ${lines.length} documents`);
}
fs.writeFileSync(path.join(OUT, 'collections.json'), `${JSON.stringify(declaredCollections(), null, 2)}\n`);
console.log('dist/seed/collections.json: collections, indexes and security rules to create');
