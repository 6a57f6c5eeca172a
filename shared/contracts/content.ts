import * as z from '../zod';
import { IdSchema } from './common';

/** A quoted statute article, exact current text, with the source it was checked against. */
export const ArticleSchema = z.strictObject({
  law: z.string().check(z.minLength(1)),
  article: z.string().check(z.regex(/^第[一二三四五六七八九十百千零]+条/)),
  text: z.string().check(z.minLength(4)),
  source: z.string().check(z.minLength(1)),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A phone number a reader can call. */
export const ContactSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  phone: z.string().check(z.regex(/^[0-9-]{3,20}$/)),
});

/** A law the app teaches. */
export const LawSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  short: z.string(),
  version: z.string(),
  order: z.int(),
  intro: z.string(),
});
export type Law = z.infer<typeof LawSchema>;

/** A lesson as stored in content and returned to readers. */
export const LessonSchema = z.strictObject({
  id: IdSchema,
  lawId: IdSchema,
  order: z.int().check(z.positive()),
  title: z.string().check(z.minLength(1), z.maxLength(30)),
  summary: z.string().check(z.minLength(1), z.maxLength(80)),
  body: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  articles: z.array(ArticleSchema).check(z.minLength(1)),
  case: z.strictObject({ title: z.string().check(z.minLength(1)), text: z.string().check(z.minLength(1)) }),
  actions: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  contacts: z.array(ContactSchema),
  checked: z.string().check(z.minLength(1)),
});
export type Lesson = z.infer<typeof LessonSchema>;

