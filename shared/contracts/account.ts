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
  /** She chose not to say where she lives (for now): she is asked again only gently. */
  placeSkipped: z.boolean(),
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
    doc: "Sets the caller's town and, if she says, village (users only; staff places are set by an admin). No village: 不方便说, or none entered.",
    roles: ['user'],
    input: z.strictObject({ town: IdSchema, village: z.optional(IdSchema) }),
    output: ProfileSchema,
  }),
  skipRegion: action({
    doc: 'She skips choosing her place on first use; the first-use prompt is not shown again.',
    roles: ['user'],
    input: EmptySchema,
    output: ProfileSchema,
  }),
  myData: action({
    doc: 'What the app keeps about the caller, by area, in plain words (个人信息保护法 第四十四、四十五条).',
    roles: 'any',
    input: EmptySchema,
    output: z.strictObject({
      areas: z.array(z.strictObject({ key: z.string(), title: z.string(), count: z.int(), kept: z.string() })),
      /** Staff accounts are switched off by an administrator, not deleted by their holder. */
      canDelete: z.boolean(),
    }),
  }),
  exportMyData: action({
    doc: "The caller's own data as an .xlsx workbook: a temporary download link (the same export path as the statistics).",
    roles: 'any',
    input: EmptySchema,
    output: z.strictObject({ fileName: z.string(), url: z.string(), fileID: z.string() }),
  }),
  deleteAccount: action({
    doc: '注销: profile, progress, mistakes, attempts, messages and notices go; public suggestions stay as 匿名居民; help requests are purged at once; counters unchanged.',
    roles: ['user'],
    input: z.strictObject({ confirm: z.literal('注销') }),
    output: z.strictObject({ removed: z.int(), anonymized: z.int(), purged: z.int() }),
  }),
  ...inboxActions,
};
