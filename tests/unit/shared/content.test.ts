import fs from 'node:fs';
import path from 'node:path';
import { LawSchema, LessonSchema } from '../../../shared/contracts/learn';
import { QuestionSchema, questionProblems } from '../../../shared/contracts/quiz';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const laws = (read('shared/content/laws.json') as unknown[]).map((l) => LawSchema.parse(l));
const REQUIRED = ['constitution', 'civil-code', 'women-rights', 'anti-dv', 'minors'];

describe('lesson content', () => {
  const byLaw = new Map(laws.map((law) => [law.id, (read(`shared/content/lessons/${law.id}.json`) as unknown[]).map((l) => LessonSchema.parse(l))]));

  it('has at least three lessons for each required law', () => {
    for (const id of REQUIRED) expect(byLaw.get(id)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('numbers lessons 1..n within a law with ids <law>-NN', () => {
    for (const [lawId, lessons] of byLaw) {
      const orders = lessons.map((l) => l.order).sort((a, b) => a - b);
      expect(orders).toEqual(orders.map((_, i) => i + 1));
      for (const l of lessons) {
        expect(l.lawId).toBe(lawId);
        expect(l.id).toBe(`${lawId}-${String(l.order).padStart(2, '0')}`);
      }
    }
  });

  it('quotes every article from its own law, with the source it was checked against', () => {
    const lawNames = new Map(laws.map((l) => [l.id, l.name]));
    for (const [lawId, lessons] of byLaw) {
      for (const lesson of lessons) {
        expect(lesson.checked).toMatch(/\d{4}-\d{2}-\d{2}/);
        for (const a of lesson.articles) {
          expect(a.source).toMatch(/^[\w-]+\/[\w.-]+:.+/);
          // An article of another law may be quoted to explain a link, but the lesson's own law must appear.
          expect(typeof a.text).toBe('string');
        }
        expect(lesson.articles.some((a) => a.law === lawNames.get(lawId))).toBe(true);
      }
    }
  });

  it('cites the 2022 numbering of the women’s rights law (sexual harassment is article 23)', () => {
    const lessons = byLaw.get('women-rights') ?? [];
    const harassment = lessons.flatMap((l) => l.articles).filter((a) => a.text.includes('性骚扰'));
    expect(harassment.length).toBeGreaterThan(0);
    expect(harassment.map((a) => a.article)).toContain('第二十三条');
    expect(harassment.map((a) => a.article)).not.toContain('第四十条');
  });

  it('gives the emergency number wherever a lesson is about violence', () => {
    for (const lessons of byLaw.values()) {
      for (const l of lessons) {
        if (/家庭暴力|家暴/.test(l.title)) expect(l.contacts.map((c) => c.phone)).toContain('110');
      }
    }
  });
});

describe('question bank', () => {
  const lessonIds = new Set(laws.flatMap((law) => (read(`shared/content/lessons/${law.id}.json`) as Array<{ id: string }>).map((l) => l.id)));
  const banks = laws
    .filter((law) => fs.existsSync(path.join(ROOT, `shared/content/questions/${law.id}.json`)))
    .map((law) => ({ law, questions: (read(`shared/content/questions/${law.id}.json`) as unknown[]).map((q) => QuestionSchema.parse(q)) }));

  it('has at least 30 questions for each law with a bank, of all three kinds', () => {
    expect(banks.length).toBeGreaterThan(0);
    for (const { questions } of banks) {
      expect(questions.length).toBeGreaterThanOrEqual(30);
      expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'judge']));
    }
  });

  it('numbers questions <law>-qNNN and keeps every question consistent', () => {
    for (const { law, questions } of banks) {
      questions.forEach((q, i) => {
        expect(q.id).toBe(`${law.id}-q${String(i + 1).padStart(3, '0')}`);
        expect(q.lawId).toBe(law.id);
        expect(questionProblems(q)).toEqual([]);
        if (q.lessonId) expect(lessonIds.has(q.lessonId)).toBe(true);
      });
    }
  });

  it('ties every question to an article of its own law, with the source it was checked against', () => {
    for (const { law, questions } of banks) {
      for (const q of questions) {
        expect(q.article.law).toBe(law.name);
        expect(q.article.source).toMatch(/^[\w-]+\/[\w.-]+:.+/);
        expect(q.checked).toMatch(/2026-\d{2}-\d{2}/);
      }
    }
  });
});
