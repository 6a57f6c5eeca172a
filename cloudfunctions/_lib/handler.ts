import type { ActionContract, FunctionContract } from '../../shared/contracts/define';
import { AppError, fail, ok, type Issue, type Result } from '../../shared/result';
import { roleAllowed } from '../../shared/roles';
import type * as z from '../../shared/zod';
import { callerOpenid, loadProfile, type UserDoc } from './identity';

/** What a handler knows about the call besides its input. */
export interface CallContext {
  /** The caller's OPENID, from the WeChat context. */
  openid: string;
  /** The caller's profile, read once per call on first use. */
  profile(): Promise<UserDoc>;
  /** The instant the call started. */
  now: Date;
}

type HandlerOf<A> = A extends ActionContract<infer I, infer O> ? (input: z.output<I>, ctx: CallContext) => Promise<z.input<O>> : never;

/** One handler per action of the contract, typed from it. */
export type Handlers<C extends FunctionContract> = { [K in keyof C]: HandlerOf<C[K]> };

/** The entry point a cloud function exports as `main`. */
export type CloudMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>;

function flattenIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Issue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Builds a function's `main`: parse the event with the action's schema, take identity from the
 * WeChat context, check the role, run the handler, and always answer with the one envelope.
 */
export function createFunction<C extends FunctionContract>(name: string, contract: C, handlers: Handlers<C>): CloudMain {
  return async function main(event: unknown): Promise<Result<unknown>> {
    if (event === null || typeof event !== 'object' || typeof (event as { action?: unknown }).action !== 'string') {
      return fail('BAD_REQUEST', '请求格式不正确');
    }
    const { action, input } = event as { action: string; input?: unknown };
    if (!Object.prototype.hasOwnProperty.call(contract, action)) return fail('UNKNOWN_ACTION', `没有这个操作：${action.slice(0, 40)}`);
    const spec = contract[action] as ActionContract;
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', '填写的内容有误', flattenIssues(parsed.error.issues));

    const openid = callerOpenid();
    if (!openid) return fail('UNAUTHENTICATED', '无法确认您的身份，请重新进入小程序');
    let profile: Promise<UserDoc> | undefined;
    const ctx: CallContext = { openid, now: new Date(), profile: () => (profile ??= loadProfile(openid)) };
    try {
      if (spec.roles !== 'any') {
        const me = await ctx.profile();
        if (!roleAllowed(me.role, spec.roles)) return fail('FORBIDDEN', '您没有权限进行这个操作');
      }
      const handler = handlers[action as keyof C] as unknown as (input: unknown, ctx: CallContext) => Promise<unknown>;
      return ok(await handler(parsed.data, ctx));
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message);
      // Logged on the server only: the name and message, never the input (it may hold personal data).
      const what = err instanceof Error ? `${err.name}: ${err.message}` : typeof err === 'string' ? err : 'non-error thrown';
      console.error(`[${name}.${action}] internal error: ${what.slice(0, 300)}`);
      return fail('INTERNAL', '服务暂时不可用，请稍后再试');
    }
  };
}

/**
 * Builds the `main` of a timer-triggered function. It answers only timer events (no person's
 * identity can be present: a call from the mini-program always carries one).
 */
export function createTimer(name: string, run: (now: Date) => Promise<Record<string, number>>): CloudMain {
  return async function main(event: unknown): Promise<Result<unknown>> {
    // CloudBase's timer event says `Type: 'Timer'`; compared without case, as its spelling is not a contract.
    const type = event !== null && typeof event === 'object' ? (event as { Type?: unknown }).Type : undefined;
    const isTimer = typeof type === 'string' && type.toLowerCase() === 'timer';
    if (!isTimer || callerOpenid()) return fail('FORBIDDEN', '只能由定时任务调用');
    try {
      return ok(await run(new Date()));
    } catch (err) {
      const what = err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown';
      console.error(`[${name}] timer failed: ${what.slice(0, 300)}`);
      return fail('INTERNAL', '定时任务失败');
    }
  };
}
