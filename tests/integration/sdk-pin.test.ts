import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_ACTIONS } from '../../server/store/engine';
import { sdkDbClass, sdkModule } from '../../server/sdk-host';
import type { Host } from '../../server/host';
import { freshHost } from '../support/host';

// The local host relies on these internals of the SDK. An upgrade that moves them must fail here.
const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
const databaseDir = path.dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdkDir] }));
const version = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;

describe('the SDK internals the local host relies on', () => {
  it('are the pinned versions', () => {
    expect(version(sdkDir)).toBe('4.0.2');
    expect(version(nodeSdkDir)).toBe('3.17.2');
    expect(version(databaseDir)).toBe('1.4.3');
  });

  it('send every database request through Db.reqClass, which node-sdk reassigns on each database()', () => {
    const newDb = fs.readFileSync(path.join(nodeSdkDir, 'dist/database/index.js'), 'utf8');
    expect(newDb).toMatch(/database_1\.Db\.reqClass = /);
    for (const f of ['index.js', 'query.js', 'document.js', 'aggregate.js', 'transaction/index.js']) {
      expect(fs.readFileSync(path.join(databaseDir, 'dist/commonjs', f), 'utf8')).toMatch(/new (index_1\.)?Db\.reqClass\(/);
    }
  });

  it('use exactly the action names the local engine implements', () => {
    const all = ['index.js', 'query.js', 'document.js', 'collection.js', 'aggregate.js', 'transaction/index.js']
      .map((f) => fs.readFileSync(path.join(databaseDir, 'dist/commonjs', f), 'utf8'))
      .join('\n');
    const used = new Set([...all.matchAll(/'(database\.[A-Za-z]+)'/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...DATABASE_ACTIONS].sort());
  });

  describe('once the local host is installed', () => {
    let host: Host;
    beforeAll(() => {
      host = freshHost();
    });
    afterAll(() => host.close());

    it('keeps the local transport even after the SDK reassigns it', async () => {
      const Db = sdkDbClass();
      const cloud = sdkModule() as unknown as { database: () => { collection: (n: string) => { limit: (n: number) => { get: () => Promise<unknown> } } } };
      (Db).reqClass = class Network {};
      const before = host.engine.ops;
      await cloud.database().collection('laws').limit(1).get();
      expect(host.engine.ops).toBe(before + 1);
    });

    it('never reaches the network for APIs without a local engine', async () => {
      const cloud = sdkModule() as unknown as { callFunction: (p: unknown) => Promise<unknown>; downloadFile: (p: unknown) => Promise<unknown> };
      await expect(cloud.callFunction({ name: 'x' })).rejects.toThrow(/not available on the local host/);
      await expect(cloud.downloadFile({})).rejects.toThrow(/not available on the local host/);
    });
  });
});
