import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost, type Host } from '../server/host';

type Loose = Record<string, unknown>;

async function submitOps(host: Host, openid: string, allWrong = false): Promise<number> {
  const start = (await host.invoke('learn', { action: 'startQuiz', input: { mode: 'practice', lawId: 'anti-dv', count: 10 } }, { openid })) as { ok: boolean; data: { attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> } };
  // All right, the same in every case (each wrong answer adds one or two mistake-book writes).
  const answers = start.data.questions.map((q) => {
    const right = (host.store.get('questions', q.id)?.doc as unknown as { answer: string[] }).answer;
    const wrong = q.options.map((o) => o.key).find((k) => !right.includes(k)) ?? 'A';
    return { questionId: q.id, keys: allWrong ? [wrong] : right };
  });
  const before = host.engine.ops;
  await host.invoke('learn', { action: 'submitQuiz', input: { attemptId: start.data.attemptId, answers } }, { openid });
  return host.engine.ops - before;
}

/**
 * Database operations of one submitQuiz, on the seeded bank, with a bank 50 times larger, and for a
 * person with a long history: the count must not grow with either.
 */
export async function quizOpsTable(): Promise<string[]> {
  const host = createHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jgfzt-ops-')) });
  const lines: string[] = [];
  // Warm the law cache and the person's first-time inserts out of the measurement.
  await submitOps(host, 'warm');
  await submitOps(host, 'small-bank');
  const small = await submitOps(host, 'small-bank');

  const template = host.store.get('questions', 'anti-dv-q001')?.doc as Loose;
  const extra = Array.from({ length: 10_000 }, (_, i) => `anti-dv-x${i}`);
  host.store.commitSync([
    ...extra.map((id) => ({ coll: 'questions', id, doc: { ...template, _id: id } })),
    { coll: 'bank', id: 'anti-dv', doc: { _id: 'anti-dv', ids: [...((host.store.get('bank', 'anti-dv')?.doc as unknown as { ids: string[] }).ids), ...extra] } },
  ]);
  await submitOps(host, 'big-bank');
  const big = await submitOps(host, 'big-bank');

  for (let i = 0; i < 200; i += 1) await submitOps(host, 'veteran', true);
  const veteran = await submitOps(host, 'veteran');
  const veteranWrong = await submitOps(host, 'veteran', true);
  // A person's very first submission, all wrong: every marker and every mistake-book entry is new.
  const newcomerWrong = await submitOps(host, 'newcomer', true);
  host.close();
  lines.push('| case | database operations per submitQuiz (10 questions) |');
  lines.push('| --- | --- |');
  lines.push(`| seeded bank (35 questions in the law) | ${small} |`);
  lines.push(`| bank with 10,035 questions in the law | ${big} |`);
  lines.push(`| a person with 200 earlier attempts and a full mistake book | ${veteran} |`);
  lines.push(`| the same person, all ten wrong (all already in the book) | ${veteranWrong} |`);
  lines.push(`| a newcomer's first submission, all ten wrong (new markers, new book entries) | ${newcomerWrong} |`);
  lines.push('');
  lines.push('The first three answer all ten right, by someone already counted today. Wrong answers cost at most three more operations however many there are (one read of the book, one batch insert of the questions new to it, one update of those already in it); a person\'s first submission of a China day costs one more, the batch insert of her distinct-people markers for every event the submission counts. Nothing depends on the size of the bank or of the history.');
  return lines;
}
