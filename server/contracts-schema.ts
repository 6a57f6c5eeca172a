import * as z from '../shared/zod';
import { contracts } from '../shared/contracts';
import type { ActionContract } from '../shared/contracts/define';

/** The published contracts: every action's input and output as JSON Schema, with its roles. */
export function contractsDocument(): { functions: Record<string, { actions: Record<string, unknown> }> } {
  const functions: Record<string, { actions: Record<string, unknown> }> = {};
  for (const [fn, actions] of Object.entries(contracts)) {
    const out: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(actions as Record<string, ActionContract>)) {
      out[name] = {
        doc: spec.doc,
        roles: spec.roles === 'any' ? ['any'] : [...spec.roles],
        input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
      };
    }
    functions[fn] = { actions: out };
  }
  return { functions };
}
