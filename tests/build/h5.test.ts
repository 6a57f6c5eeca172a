import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const H5 = path.resolve(__dirname, '../../dist/h5');

describe('the h5 build (npm run build:h5)', () => {
  const index = fs.readFileSync(path.join(H5, 'index.html'), 'utf8');

  it('has a real favicon at its root, linked from index.html', () => {
    expect(index).toContain('<link rel="icon" href="/favicon.ico"');
    const icon = fs.readFileSync(path.join(H5, 'favicon.ico'));
    expect([...icon.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(icon.equals(fs.readFileSync(path.resolve(__dirname, '../../client/assets/icons/favicon.ico')))).toBe(true);
  });

  it('has brotli and gzip copies of the scripts index.html loads, the same bytes once unpacked', () => {
    const scripts = [...index.matchAll(/src="\/(js\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const js of scripts) {
      const body = fs.readFileSync(path.join(H5, js));
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(H5, `${js}.br`))).equals(body)).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(H5, `${js}.gz`))).equals(body)).toBe(true);
    }
  });
});
