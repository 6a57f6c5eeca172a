import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

/** Where LibreOffice is: LIBREOFFICE_PATH, or Debian's libreoffice-calc; throws when absent. */
export function findLibreOffice(): string {
  const found = [process.env.LIBREOFFICE_PATH, ...CANDIDATES].find((p): p is string => typeof p === 'string' && fs.existsSync(p));
  if (!found) throw new Error('LibreOffice not found; install Debian\'s libreoffice-calc (apt-get install libreoffice-calc) or set LIBREOFFICE_PATH');
  return found;
}

/** Finds LibreOffice (the export round trip opens the workbook in it), installing it with apt when missing. */
export function ensureLibreOffice(): string {
  try {
    return findLibreOffice();
  } catch (err) {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) throw err;
  }
  console.log('installing libreoffice-calc with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const res = spawnSync('apt-get', ['install', '-y', '-qq', 'libreoffice-calc'], { stdio: 'inherit', env });
  if (res.status !== 0) throw new Error('could not install libreoffice-calc');
  return findLibreOffice();
}

if (require.main === module) console.log(ensureLibreOffice());
