import * as z from '../zod';

/** An identifier of a seeded or generated record: short, safe characters only. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** An input with no fields. */
export const EmptySchema = z.strictObject({});

/** Where a list resumes: the `next` of the previous page, passed back unchanged. */
export const CursorSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** The input of a list read page by page: no cursor for the first page. */
export const PageInputSchema = z.strictObject({ cursor: z.optional(CursorSchema) });

/** The cursor of the following page, or null on the last one. */
export const NextSchema = z.nullable(z.string());

/** Who removed a record and when (staff see it beside a removed lesson, question or campaign). */
export const RemovedSchema = z.strictObject({ removedAt: z.nullable(z.string()), removedBy: z.nullable(z.string()) });
