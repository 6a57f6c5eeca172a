import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The help-request keys: AES keys by id, the active id, and the lookup-hash key. */
interface HelpKeys {
  active: string;
  keys: Record<string, string>;
  lookup: string;
}

/** The data folder's secrets.json: the host's own key, and the help keys unless HELP_KEYS_FILE moves them. */
interface SecretsFile extends Partial<HelpKeys> {
  /** Signs visitor cookies (HMAC-SHA256). */
  host?: string;
}

/** What the host keeps for itself (the functions never see it). */
export interface HostSecrets {
  visitorKey: Buffer;
}

const readJson = <T>(file: string): T | null => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null);

/** Writes a secrets file readable by its owner only (mode 0600). */
function writeSecret(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

const hasHelpKeys = (s: Partial<HelpKeys> | null): s is HelpKeys => !!s && typeof s.active === 'string' && !!s.keys && typeof s.lookup === 'string';
const newHelpKeys = (): HelpKeys => ({ active: 'k1', keys: { k1: randomBytes(32).toString('base64') }, lookup: randomBytes(32).toString('base64') });

/**
 * Loads the local secrets, generating what is missing on first run (files mode 0600): the host's
 * visitor-cookie key in `<dataDir>/secrets.json`, and the help-request keys there too, or in
 * `helpKeysFile` (kept apart from the data, so a backup of the data folder carries no keys; keys
 * found in secrets.json move there). The help keys reach the functions through their environment,
 * as on CloudBase.
 */
export function provideSecrets(dataDir: string, helpKeysFile: string | null = null, env: NodeJS.ProcessEnv = process.env): HostSecrets {
  const file = path.join(dataDir, 'secrets.json');
  const secrets: SecretsFile = readJson<SecretsFile>(file) ?? {};
  let changed = !fs.existsSync(file);
  if (typeof secrets.host !== 'string') {
    secrets.host = randomBytes(32).toString('base64');
    changed = true;
  }
  let help: HelpKeys;
  const inData = hasHelpKeys(secrets) ? { active: secrets.active, keys: secrets.keys, lookup: secrets.lookup } : null;
  if (helpKeysFile) {
    const apart = readJson<HelpKeys>(helpKeysFile);
    if (hasHelpKeys(apart) && inData && apart.lookup !== inData.lookup) {
      throw new Error(`${file} and ${helpKeysFile} hold different help keys: keep one of them`);
    }
    help = hasHelpKeys(apart) ? { ...apart, keys: { ...inData?.keys, ...apart.keys } } : (inData ?? newHelpKeys());
    if (!hasHelpKeys(apart) || inData) writeSecret(helpKeysFile, help);
    if (inData) {
      delete secrets.active;
      delete secrets.keys;
      delete secrets.lookup;
      changed = true;
    }
    fs.chmodSync(helpKeysFile, 0o600);
  } else {
    help = inData ?? newHelpKeys();
    if (!inData) Object.assign(secrets, help);
    changed ||= !inData;
  }
  if (changed) writeSecret(file, secrets);
  fs.chmodSync(file, 0o600);
  env.HELP_KEYS = JSON.stringify(help.keys);
  env.HELP_ACTIVE_KEY = help.active;
  env.HELP_LOOKUP_KEY = help.lookup;
  return { visitorKey: Buffer.from(secrets.host, 'base64') };
}
