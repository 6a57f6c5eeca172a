import { spawn, type ChildProcess } from 'node:child_process';
import { AsyncResource } from 'node:async_hooks';
import path from 'node:path';
import { fromWire, toWire, type BackendRequest, type HostMessage, type RunnerMessage } from './function-wire';
import type { SdkBackend } from './sdk-swap';
import { REPO_ROOT } from './config';

/** The runner script, as scripts/build-functions.ts bundles it. */
export const RUNNER_SCRIPT = path.join(REPO_ROOT, 'dist/runner/function-runner.js');

interface Pending {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
  /** Runs a backend request inside the call it belongs to (its identity, durability and figures). */
  inCall: <T>(work: () => T) => T;
}

/**
 * The function bundles run by another Node process (e.g. the deploy runtime's Node 16.13), which
 * the host spawns and serves: every database request, context read, open-API and storage call of
 * a function goes back over IPC to `backend`, run inside the call it belongs to.
 */
export class FunctionProcess {
  private readonly child: ChildProcess;
  private readonly calls = new Map<number, Pending>();
  private nextCall = 1;
  private exited: Error | undefined;
  /** The functions that loaded; rejects if the runner could not start. */
  readonly ready: Promise<{ functions: string[]; failed: Record<string, string> }>;

  constructor(
    node: string,
    functionsDir: string,
    private readonly backend: SdkBackend,
  ) {
    this.child = spawn(node, [RUNNER_SCRIPT, functionsDir], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env });
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: RunnerMessage) => {
        if (message.t === 'ready') resolve({ functions: message.functions, failed: message.failed });
        else if (message.t === 'done') this.settle(message.id, message.result, message.error ? fromWire(message.error) : undefined);
        else this.serve(message.id, message.call, message.request);
      });
      this.child.on('error', (err) => this.fail(err, reject));
      this.child.on('exit', (code, signal) => this.fail(new Error(`function runner exited (${signal ?? code ?? 'unknown'})`), reject));
    });
    this.ready.catch(() => undefined);
  }

  /**
   * Calls `name`'s `main(event)` in the runner. Call it inside the host's call scope
   * (`withIdentity`): the runner's requests are served in that scope, as the caller.
   */
  async invoke(name: string, event: unknown): Promise<unknown> {
    await this.ready;
    if (this.exited) throw this.exited;
    const id = this.nextCall;
    this.nextCall += 1;
    const openid = this.backend.openid();
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, inCall: AsyncResource.bind(<T>(work: () => T): T => work()) });
      this.send({ t: 'call', id, fn: name, event, openid });
    });
  }

  /** Stops the runner; calls under way fail. */
  close(): void {
    this.fail(new Error('function runner closed'), () => undefined);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private send(message: HostMessage): void {
    if (this.exited || !this.child.connected) return;
    this.child.send(message);
  }

  private settle(id: number, result: unknown, error: Error | undefined): void {
    const call = this.calls.get(id);
    if (!call) return;
    this.calls.delete(id);
    if (error) call.reject(error);
    else call.resolve(result);
  }

  private serve(id: number, callId: number | null, request: BackendRequest): void {
    const call = callId === null ? undefined : this.calls.get(callId);
    const work = () => this.perform(request);
    const running = call ? call.inCall(work) : work();
    running.then(
      (value) => this.send({ t: 'answer', id, value }),
      (err: unknown) => this.send({ t: 'answer', id, error: toWire(err) }),
    );
  }

  private perform(request: BackendRequest): Promise<unknown> {
    try {
      switch (request.kind) {
        case 'database':
          return this.backend.database(request.action, request.params);
        case 'uploadFile':
          return this.backend.uploadFile({ cloudPath: request.cloudPath, fileContent: request.base64 === null ? undefined : Buffer.from(request.base64, 'base64') });
        case 'getTempFileURL':
          return this.backend.getTempFileURL(request.params);
        case 'openapi': {
          const [ns = '', method = ''] = request.api.split('.');
          const group = (this.backend.openapi() as Record<string, Record<string, unknown> | undefined> | undefined)?.[ns];
          const fn = group?.[method];
          if (typeof fn !== 'function') throw new Error(`open API ${request.api} is not available on the local host`);
          return Promise.resolve((fn as (p: unknown) => unknown).call(group, request.params));
        }
      }
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private fail(err: Error, reject: (e: Error) => void): void {
    if (this.exited) return;
    this.exited = err;
    reject(err);
    for (const call of this.calls.values()) call.reject(err);
    this.calls.clear();
  }
}
