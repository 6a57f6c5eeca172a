import path from 'node:path';

/** The host's configuration: the one server module that reads process.env. */
export interface HostConfig {
  port: number;
  host: string;
  dataDir: string;
  /**
   * Local mode (HOST_MODE=local, the default): one developer's machine, loopback only, with the
   * sample people and the development sign-in. Any other mode is a public preview: visitors only.
   */
  local: boolean;
  /** Where the help-request keys live; default the data folder's secrets.json (HELP_KEYS_FILE). */
  helpKeysFile: string | null;
  /** New visitor identities one client address may be given per hour (VISITORS_PER_HOUR). */
  visitorsPerHour: number;
  root: string;
}

const ROOT = path.resolve(__dirname, '..');

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Reads the configuration from the environment, with the documented defaults. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(ROOT, env.DATA_DIR ?? '.data'),
    local: (env.HOST_MODE ?? 'local') === 'local',
    helpKeysFile: env.HELP_KEYS_FILE ? path.resolve(ROOT, env.HELP_KEYS_FILE) : null,
    visitorsPerHour: positive(env.VISITORS_PER_HOUR, 60),
    root: ROOT,
  };
}

/** Whether an address (a bind address or a peer) is this machine's loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === 'localhost' || a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

/** Why the host must not start with this configuration, or null: local mode listens on loopback only. */
export function startProblem(config: Pick<HostConfig, 'local' | 'host'>): string | null {
  if (config.local && !isLoopback(config.host)) {
    return `local mode (development sign-in, sample staff) listens on loopback only, not on ${config.host}: use HOST=127.0.0.1, or HOST_MODE=public for a visitors-only preview`;
  }
  return null;
}

/** The repository root. */
export const REPO_ROOT = ROOT;
