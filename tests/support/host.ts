import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionName, FnName, Input, Output } from '../../shared/contracts';
import { contracts } from '../../shared/contracts';
import type { ActionContract } from '../../shared/contracts/define';
import type { Result } from '../../shared/result';
import { createHost, type Host, type HostOptions } from '../../server/host';

/** A fresh data folder for one test host. */
export function tempDir(prefix = 'jgfzt-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A host on a fresh SQLite file, seeded, with the built function bundles. */
export function freshHost(options: Partial<HostOptions> = {}): Host {
  return createHost({ dataDir: tempDir(), ...options });
}

/**
 * Calls an action as `openid` and, on success, checks the data against the action's output
 * schema, so every integration test also checks the contract.
 */
export async function call<F extends FnName, A extends ActionName<F>>(
  host: Host,
  fn: F,
  action: A,
  input: Input<F, A> | Record<string, unknown>,
  openid: string | null,
): Promise<Result<Output<F, A>>> {
  const result = (await host.invoke(fn, { action, input }, openid ? { openid } : null)) as Result<Output<F, A>>;
  if (result.ok) {
    const spec = (contracts[fn] as Record<string, ActionContract>)[action] as ActionContract;
    const parsed = spec.output.safeParse(result.data);
    if (!parsed.success) throw new Error(`${fn}.${action} output breaks its contract: ${JSON.stringify(parsed.error.issues).slice(0, 500)}`);
  }
  return result;
}

/** Unwraps a success or fails the test with the error. */
export function dataOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data;
}
