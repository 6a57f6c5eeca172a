import path from 'node:path';

/** The host's configuration: the one server module that reads process.env. */
export interface HostConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Local mode allows the development sign-in (`x-local-openid`); anything else refuses it. */
  local: boolean;
  root: string;
}

const ROOT = path.resolve(__dirname, '..');

/** Reads the configuration from the environment, with the documented defaults. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(ROOT, env.DATA_DIR ?? '.data'),
    local: (env.HOST_MODE ?? 'local') === 'local',
    root: ROOT,
  };
}

/** The repository root. */
export const REPO_ROOT = ROOT;
