import * as z from '../zod';
import { STAFF_ROLES } from '../roles';
import { TownSchema } from './account';
import { action } from './define';
import { EmptySchema, IdSchema } from './common';

/** The roles that may invite: town staff invite stations; district staff towns and stations; admins anyone. */
const INVITERS = ['town', 'district'] as const;
const ADMINS = ['admin'] as const;

/** An invitation code as typed: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const InvitationCodeSchema = z.string().check(z.regex(/^[A-HJKMNP-Z2-9]{10}$/, '邀请码是 10 位字母和数字'));

/** How an invitation is shown: a 小程序码 from WeChat, or none (the browser draws a QR code of the link itself). */
export const INVITATION_QR = ['wxacode', 'none'] as const;

const StaffPlaceSchema = z.strictObject({
  town: z.optional(IdSchema),
  village: z.optional(IdSchema),
});

/** A staff account as a list shows it: name, role, place, switched on or off. */
export const StaffMemberSchema = z.strictObject({
  /** An opaque handle for the actions below (her OPENID is never shown). */
  id: IdSchema,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  town: z.nullable(IdSchema),
  village: z.nullable(IdSchema),
  placeName: z.string(),
  active: z.boolean(),
  since: z.string(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

const InvitationSchema = z.strictObject({
  code: InvitationCodeSchema,
  role: z.enum(STAFF_ROLES),
  name: z.nullable(z.string()),
  placeName: z.string(),
  expiresAt: z.string(),
  /** The page that redeems it, with the code (h5 link path; in WeChat the code is the `scene`). */
  path: z.string(),
  /** The 小程序码 that opens the join page with the code (asked with `qr: 'wxacode'`): a link valid for an hour. */
  image: z.nullable(z.string()),
  /** Why the 小程序码 asked for is missing, in plain words (the code still works when typed). */
  imageHint: z.nullable(z.string()),
});

const PlaceVillageSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  retired: z.boolean(),
  mergedInto: z.nullable(IdSchema),
  station: z.nullable(z.strictObject({ name: z.string(), active: z.boolean() })),
});
const PlaceTownSchema = z.strictObject({ id: IdSchema, name: z.string(), kind: z.enum(['street', 'town']), villages: z.array(PlaceVillageSchema) });
const VillageName = z.string().check(z.minLength(1, '请填写名称'), z.maxLength(20, '最多 20 个字'));
const StationInput = z.strictObject({ name: z.string().check(z.minLength(1, '请填写工作室名称'), z.maxLength(30, '最多 30 个字')), active: z.boolean() });
const ImportRowSchema = z.strictObject({ row: z.int(), ok: z.boolean(), errors: z.array(z.string()) });
/** District staff and admins manage the places. */
const DISTRICT = ['district'] as const;

const AuditEntrySchema = z.strictObject({ at: z.string(), byName: z.string(), action: z.string(), text: z.string() });

/** The `staff` function: staff accounts by invitation, staff lists, and the district's places. */
export const staffContract = {
  createInvitation: action({
    doc: 'Invites a staff member for a role and place no wider than the inviter holds; single use, expires.',
    roles: INVITERS,
    input: z.strictObject({
      role: z.enum(STAFF_ROLES),
      ...StaffPlaceSchema.shape,
      /** How the new staff member is shown (e.g. 刘妈（示例村工作室）). */
      name: z.optional(z.string().check(z.minLength(1), z.maxLength(30, '最多 30 个字'))),
      days: z.optional(z.int().check(z.minimum(1), z.maximum(30))),
      /** 'wxacode' from WeChat: the invitation also gets a 小程序码 made by WeChat; the browser draws its own QR code of the link. */
      qr: z.optional(z.enum(INVITATION_QR)),
    }),
    output: InvitationSchema,
  }),
  redeemInvitation: action({
    doc: 'The invitee opens the invitation and becomes that staff member (once; before it expires).',
    roles: 'any',
    input: z.strictObject({ code: InvitationCodeSchema }),
    output: z.strictObject({ role: z.enum(STAFF_ROLES), placeName: z.string() }),
  }),
  listStaff: action({
    doc: "Staff accounts in the caller's scope (town: its town's; district: all, or one town's), switched-off ones included.",
    roles: INVITERS,
    input: z.strictObject({ town: z.optional(IdSchema) }),
    output: z.strictObject({
      staff: z.array(StaffMemberSchema),
      /** Who is asking, so the page offers only what she may do. */
      viewer: z.strictObject({ role: z.enum(STAFF_ROLES), town: z.nullable(IdSchema) }),
      /** The places for the pickers (in use, not retired). */
      towns: z.array(TownSchema),
    }),
  }),
  setStaffActive: action({
    doc: 'Switches a staff account off (it becomes a plain user) or on again; the last administrator stays on.',
    roles: INVITERS,
    input: z.strictObject({ id: IdSchema, active: z.boolean() }),
    output: StaffMemberSchema,
  }),
  moveStaff: action({
    doc: 'Moves a staff account to another place within the caller’s scope (same role).',
    roles: INVITERS,
    input: z.strictObject({ id: IdSchema, ...StaffPlaceSchema.shape }),
    output: StaffMemberSchema,
  }),
  listPlaces: action({
    doc: 'Every street and town with all its villages, retired ones included, and their stations.',
    roles: DISTRICT,
    input: EmptySchema,
    output: z.strictObject({ towns: z.array(PlaceTownSchema) }),
  }),
  addVillage: action({
    doc: 'Adds a village or community to a town, with its station if any.',
    roles: DISTRICT,
    input: z.strictObject({ town: IdSchema, name: VillageName, station: z.optional(StationInput) }),
    output: PlaceVillageSchema,
  }),
  renameVillage: action({
    doc: 'Renames a village; its history (counts, cases) keeps its id.',
    roles: DISTRICT,
    input: z.strictObject({ town: IdSchema, village: IdSchema, name: VillageName }),
    output: PlaceVillageSchema,
  }),
  retireVillage: action({
    doc: 'Retires a village (no longer offered; history, counts and cases kept) or restores it.',
    roles: DISTRICT,
    input: z.strictObject({ town: IdSchema, village: IdSchema, retired: z.boolean() }),
    output: PlaceVillageSchema,
  }),
  mergeVillages: action({
    doc: 'Merges one village into another of the same town: the first retires; its people, staff and open cases move.',
    roles: DISTRICT,
    input: z.strictObject({ town: IdSchema, from: IdSchema, into: IdSchema }),
    output: z.strictObject({ moved: z.int() }),
  }),
  setStation: action({
    doc: "Sets a village's 暖心刘妈 station: its name and whether it is active.",
    roles: DISTRICT,
    input: z.strictObject({ town: IdSchema, village: IdSchema, station: StationInput }),
    output: PlaceVillageSchema,
  }),
  importVillages: action({
    doc: 'Imports villages from a spreadsheet (镇街, 村（社区）, 工作室名称) with a row-by-row report; nothing is imported when any row is invalid.',
    roles: DISTRICT,
    input: z.strictObject({
      fileName: z.string().check(z.regex(/\.(xlsx|csv)$/i), z.maxLength(100)),
      contentBase64: z.string().check(z.minLength(4), z.maxLength(400_000)),
      dryRun: z.optional(z.boolean()),
    }),
    output: z.strictObject({ added: z.int(), updated: z.int(), rows: z.int(), report: z.array(ImportRowSchema) }),
  }),
  staffAudit: action({
    doc: 'Every change to staff accounts (invitations, redemptions, switch-offs, moves), newest first.',
    roles: ADMINS,
    input: EmptySchema,
    output: z.strictObject({ entries: z.array(AuditEntrySchema) }),
  }),
};
