import * as z from '../zod';
import { ROLES } from '../roles';
import { action } from './define';
import { EmptySchema, IdSchema } from './common';
import { inboxActions } from './hall';

/** What a person sees of their own profile. */
export const ProfileSchema = z.strictObject({
  role: z.enum(ROLES),
  name: z.nullable(z.string()),
  town: z.nullable(IdSchema),
  village: z.nullable(IdSchema),
  townName: z.nullable(z.string()),
  villageName: z.nullable(z.string()),
});
export type Profile = z.infer<typeof ProfileSchema>;

const VillageSchema = z.strictObject({ id: IdSchema, name: z.string() });
/** A street (街道) or town (镇) with its villages and communities. */
export const TownSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  kind: z.enum(['street', 'town']),
  villages: z.array(VillageSchema),
  /** The number of women, the denominator of participation rates; null until staff enter it. */
  women: z.nullable(z.int()),
});
export type Town = z.infer<typeof TownSchema>;

/** The `account` function: who am I, and where do I live. */
export const accountContract = {
  me: action({
    doc: "The caller's role and place; a first call creates the profile.",
    roles: 'any',
    input: EmptySchema,
    output: ProfileSchema,
  }),
  listRegions: action({
    doc: 'Streets and towns of the district with their villages, for pickers.',
    roles: 'any',
    input: EmptySchema,
    output: z.strictObject({ towns: z.array(TownSchema) }),
  }),
  setRegion: action({
    doc: "Sets the caller's town and village (users only; staff places are set by an admin).",
    roles: ['user'],
    input: z.strictObject({ town: IdSchema, village: z.optional(IdSchema) }),
    output: ProfileSchema,
  }),
  ...inboxActions,
};
