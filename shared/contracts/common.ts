import * as z from '../zod';

/** An identifier of a seeded or generated record: short, safe characters only. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** An input with no fields. */
export const EmptySchema = z.strictObject({});

/** Who removed a record and when (staff see it beside a removed lesson, question or campaign). */
export const RemovedSchema = z.strictObject({ removedAt: z.nullable(z.string()), removedBy: z.nullable(z.string()) });
