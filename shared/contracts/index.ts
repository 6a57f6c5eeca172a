import type * as z from '../zod';
import type { ActionContract, FunctionContract } from './define';
import { accountContract } from './account';
import { hallContract } from './hall';
import { helpContract } from './help';
import { learnContract } from './learn';
import { learnAdminContract } from './learn-admin';
import { staffContract } from './staff';
import { statsContract } from './stats';

/** Every cloud function's contract, by function name. */
export const contracts = {
  account: accountContract,
  hall: hallContract,
  help: helpContract,
  learn: learnContract,
  learnAdmin: learnAdminContract,
  staff: staffContract,
  stats: statsContract,
} satisfies Record<string, FunctionContract>;

export type Contracts = typeof contracts;
/** A cloud function name. */
export type FnName = keyof Contracts;
/** An action name of function F. */
export type ActionName<F extends FnName> = keyof Contracts[F] & string;
type ActionOf<F extends FnName, A extends ActionName<F>> = Contracts[F][A] extends ActionContract ? Contracts[F][A] : never;
/** What the client sends as an action's input. */
export type Input<F extends FnName, A extends ActionName<F>> = z.input<ActionOf<F, A>['input']>;
/** What an action's handler receives after parsing. */
export type ParsedInput<F extends FnName, A extends ActionName<F>> = z.output<ActionOf<F, A>['input']>;
/** What an action returns in `data`. */
export type Output<F extends FnName, A extends ActionName<F>> = z.output<ActionOf<F, A>['output']>;
