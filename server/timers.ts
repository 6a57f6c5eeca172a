import fs from 'node:fs';
import path from 'node:path';
import type { Host } from './host';

const HOUR = 60 * 60 * 1000;

/** The functions whose config.json declares a timer trigger. */
export function timerFunctions(functionsDir: string, names: string[]): string[] {
  return names.filter((name) => {
    const file = path.join(functionsDir, name, 'config.json');
    if (!fs.existsSync(file)) return false;
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: Array<{ type?: string }> };
    return (config.triggers ?? []).some((t) => t.type === 'timer');
  });
}

/**
 * Runs timer functions as CloudBase's timer trigger would: once at start, then every hour (the
 * triggers here are hourly), with a timer event and no person's identity.
 */
export function startTimers(host: Host, functionsDir: string, log: (line: string) => void): () => void {
  const names = timerFunctions(functionsDir, host.functions);
  const fire = () => {
    for (const name of names) {
      host
        .invoke(name, { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }, null)
        .then((res) => log(`timer=${name} result=${(res as { ok?: boolean }).ok ? 'ok' : 'error'}`))
        .catch((err: unknown) => log(`timer=${name} failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  };
  fire();
  const handle = setInterval(fire, HOUR);
  handle.unref();
  return () => clearInterval(handle);
}
