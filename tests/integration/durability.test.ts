import { spawn } from 'node:child_process';
import path from 'node:path';
import { SqliteStore } from '../../server/store/sqlite-store';
import { tempDir } from '../support/host';

const ROOT = path.resolve(__dirname, '../..');

describe('durability of the embedded store', () => {
  it.each(['direct', 'call'])('keeps every acknowledged write (%s) when the writing process is killed with SIGKILL', async (mode) => {
    const dataDir = tempDir('durable-');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/durability-writer.ts'), dataDir, mode], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer too slow: ${acked.length} acks; ${stderr.slice(0, 500)}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (acked.length >= 300) {
          child.kill('SIGKILL');
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    expect(await exited).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(300);

    const store = new SqliteStore(path.join(dataDir, 'store.sqlite'));
    try {
      expect(store.integrityCheck()).toBe('ok');
      const missing = acked.filter((id) => !store.get('stream', id));
      expect(missing).toEqual([]);
    } finally {
      store.close();
    }
  }, 90_000);
});
