import type * as z from '../zod';
import type { Role } from '../roles';

/** Any zod schema. */
export type Schema = z.ZodMiniType;

/** One action of a function: its input and output schemas, who may call it, and what it does. */
export interface ActionContract<I extends Schema = Schema, O extends Schema = Schema> {
  input: I;
  output: O;
  /** Roles allowed; 'any' means every identified caller, anonymous visitors included. */
  roles: readonly Role[] | 'any';
  doc: string;
}

/** A function's contract: its actions by name. */
export type FunctionContract = Record<string, ActionContract>;

/** Declares an action, keeping the exact schema types for inference. */
export function action<I extends Schema, O extends Schema>(contract: ActionContract<I, O>): ActionContract<I, O> {
  return contract;
}
