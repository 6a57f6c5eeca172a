import * as z from '../zod';

/** An identifier of a seeded or generated record: short, safe characters only. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** An input with no fields. */
export const EmptySchema = z.strictObject({});
