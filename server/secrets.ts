import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The secrets file of a local data folder: encryption keys for help requests. */
interface SecretsFile {
  active: string;
  keys: Record<string, string>;
  lookup: string;
}

/**
 * Loads the local secrets (generating them on first run, readable by the owner only: mode 0600)
 * and hands them to the functions through their environment, as CloudBase does.
 */
export function provideSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = path.join(dataDir, 'secrets.json');
  let secrets: SecretsFile;
  if (fs.existsSync(file)) {
    secrets = JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile;
  } else {
    secrets = { active: 'k1', keys: { k1: randomBytes(32).toString('base64') }, lookup: randomBytes(32).toString('base64') };
    fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  fs.chmodSync(file, 0o600);
  env.HELP_KEYS = JSON.stringify(secrets.keys);
  env.HELP_ACTIVE_KEY = secrets.active;
  env.HELP_LOOKUP_KEY = secrets.lookup;
}
