import path from 'node:path';
import type { QuestionDraft } from '../../shared/contracts/learn-admin';
import type { Quiz } from '../../shared/contracts/quiz';
import { chinaDay } from '../../shared/time';
import type * as Counters from '../../cloudfunctions/_lib/counters';
import { withIdentity } from '../../server/sdk-host';
import type { Host } from '../../server/host';
import { SqliteStore } from '../../server/store/sqlite-store';
import { call, dataOf, freshHost, tempDir } from '../support/host';

// The write path of the local host and of the functions: the store's owner lock, a call's reply
// held until its writes are durable, distinct-people markers and the mistake book claimed in one
// batch (with the race that makes a batch fail), and questions cached behind their version.

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

type Loose = Record<string, unknown>;
const counter = (id: string) => host.store.get('counters', id)?.doc as Loose | undefined;
const answerOf = (id: string) => (host.store.get('questions', id)?.doc as unknown as { answer: string[] }).answer;
const wrongKeys = (q: Quiz['questions'][number]) => [q.options.map((o) => o.key).find((k) => !answerOf(q.id).includes(k)) as string];

describe('the store file', () => {
  it('is owned by one store at a time, and free again once closed', () => {
    const file = path.join(tempDir('owner-'), 'store.sqlite');
    const first = new SqliteStore(file);
    expect(() => new SqliteStore(file)).toThrow(/is open in another process/);
    first.commitSync([]);
    first.close();
    const second = new SqliteStore(file);
    expect(second.integrityCheck()).toBe('ok');
    second.close();
  });

  it('answers a write made inside a call at once, and the call only once the write is durable', async () => {
    const { db } = await import('../../cloudfunctions/_lib/cloud');
    if (!host.store.hasCollection('probe')) host.store.createCollection('probe', []);
    host.store.commitSync([]);
    let waitingInside = -1;
    const n = await withIdentity({ openid: 'probe' }, async () => {
      await (db.collection('probe').add({ data: { _id: 'p1', n: 1 } }) as Promise<unknown>);
      // The write answered and is visible to the next request, before the disk has it.
      waitingInside = host.store.notYetDurable();
      const seen = (await (db.collection('probe').doc('p1').get() as Promise<{ data: Loose }>)).data;
      return seen.n;
    });
    expect(n).toBe(1);
    expect(waitingInside).toBe(1);
    // The call's reply came only once the writer thread had it on disk.
    expect(host.store.notYetDurable()).toBe(0);
  });

  it('refuses the rest of a call once one of its writes could not be made durable, and keeps none of them', async () => {
    const { db } = await import('../../cloudfunctions/_lib/cloud');
    const probe = () => db.collection('probe');
    if (!host.store.hasCollection('probe')) host.store.createCollection('probe', []);
    const reply = withIdentity({ openid: 'probe' }, async () => {
      await (probe().add({ data: { _id: 'f1', n: 1 } }) as Promise<unknown>);
      // In the same batch as f1: a value the writer cannot store, so the whole batch fails.
      host.store.commit([{ coll: 'probe', id: 'boom', doc: { _id: 'boom', n: BigInt(1) } }]).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await (probe().add({ data: { _id: 'f2', n: 2 } }) as Promise<unknown>);
      return 'done';
    });
    await expect(reply).rejects.toThrow();
    for (const id of ['f1', 'f2', 'boom']) expect(host.store.get('probe', id)).toBeUndefined();
    // The store goes on: the next call's write lands.
    await withIdentity({ openid: 'probe' }, () => probe().add({ data: { _id: 'f3', n: 3 } }) as Promise<unknown>);
    expect(host.store.get('probe', 'f3')?.doc).toMatchObject({ n: 3 });
  });

  it('holds the reply of a call that left a write running until that write is durable too', async () => {
    const { db } = await import('../../cloudfunctions/_lib/cloud');
    if (!host.store.hasCollection('probe')) host.store.createCollection('probe', []);
    await withIdentity({ openid: 'probe' }, () => {
      void (db.collection('probe').add({ data: { _id: 'u1', n: 1 } }) as Promise<unknown>).catch(() => undefined);
      return Promise.resolve('returned before its write');
    });
    expect(host.store.get('probe', 'u1')?.doc).toMatchObject({ n: 1 });
    expect(host.store.notYetDurable()).toBe(0);
  });

  it('answers a write made outside any call only once it is durable', async () => {
    const { db } = await import('../../cloudfunctions/_lib/cloud');
    await (db.collection('probe').add({ data: { _id: 'p2', n: 2 } }) as Promise<unknown>);
    expect(host.store.notYetDurable()).toBe(0);
    expect(host.store.get('probe', 'p2')?.doc).toMatchObject({ n: 2 });
  });
});

describe('distinct-people markers', () => {
  it('count a person once when her events of the same moment race for the same markers', async () => {
    const { countEvent } = await import('../../cloudfunctions/_lib/counters');
    const at = new Date();
    const events = Array.from({ length: 8 }, () => withIdentity(null, () => countEvent({ metric: 'race_probe', person: 'racer', town: 'guxi', at, dims: { kind: 'x' } })));
    await Promise.all(events);
    const day = chinaDay(at);
    for (const metric of ['race_probe', 'race_probe:kind=x']) {
      expect(counter(`${metric}|day|${day}`)).toMatchObject({ times: 8, people: 1, towns: { guxi: { times: 8, people: 1 } } });
    }
    // Another person the same day is a second person; the same person again is not.
    await withIdentity(null, () => countEvent({ metric: 'race_probe', person: 'second', town: 'guxi', at }));
    await withIdentity(null, () => countEvent({ metric: 'race_probe', person: 'racer', town: 'guxi', at }));
    expect(counter(`race_probe|day|${day}`)).toMatchObject({ times: 10, people: 2 });
    // Markers hold a hash, never the person.
    expect(JSON.stringify(host.store.candidates('markers', {}))).not.toContain('racer');
  });
});

describe('markers claimed beside a gate', () => {
  // Two calls of one person race: A claims her markers first, beside a gate; B, recorded, finds
  // them held by A. Whatever A's gate answers and in whichever order they settle, she is counted
  // once if anything of hers was recorded, and not at all otherwise.
  let lib: typeof Counters;
  beforeAll(async () => {
    lib = await import('../../cloudfunctions/_lib/counters');
  });
  const at = new Date();
  const day = chinaDay(at);
  const event = (metric: string, town = 'guxi') => ({ metric, person: 'gated-racer', town, village: null, at });
  const run = <T>(f: () => Promise<T>) => withIdentity(null, f);
  const claim = (metric: string, token: string, town?: string) => run(() => lib.claimFirsts([event(metric, town)], token, undefined, true));

  it('A refused after B was recorded: A keeps the marker B counted on and counts her, in B’s town', async () => {
    const a = await claim('gate_probe_1', 'token-a');
    const b = await claim('gate_probe_1', 'token-b', 'zitong');
    expect([a.won.size, b.won.size, b.watch.size]).toEqual([4, 0, 4]);
    await run(() => lib.bumpCounters([event('gate_probe_1', 'zitong')], b));
    expect(counter(`gate_probe_1|day|${day}`)).toMatchObject({ times: 1 });
    expect(counter(`gate_probe_1|day|${day}`)?.people).toBe(0);
    await run(() => lib.releaseFirsts([event('gate_probe_1')], a));
    for (const period of ['day', 'year']) expect(counter(`gate_probe_1|${period}|${period === 'day' ? day : day.slice(0, 4)}`)).toMatchObject({ times: 1, people: 1, towns: { zitong: { times: 1, people: 1 } } });
  });

  it('A refused before B was recorded: B takes the marker A let go and counts her', async () => {
    const a = await claim('gate_probe_2', 'token-a');
    const b = await claim('gate_probe_2', 'token-b');
    await run(() => lib.releaseFirsts([event('gate_probe_2')], a));
    expect(counter(`gate_probe_2|day|${day}`)).toBeUndefined();
    await run(() => lib.bumpCounters([event('gate_probe_2')], b));
    expect(counter(`gate_probe_2|day|${day}`)).toMatchObject({ times: 1, people: 1, towns: { guxi: { times: 1, people: 1 } } });
  });

  it('A recorded too: she is counted once, by A', async () => {
    const a = await claim('gate_probe_3', 'token-a');
    const b = await claim('gate_probe_3', 'token-b');
    await run(() => lib.bumpCounters([event('gate_probe_3')], b));
    await run(() => lib.bumpCounters([event('gate_probe_3')], a));
    expect(counter(`gate_probe_3|day|${day}`)).toMatchObject({ times: 2, people: 1 });
  });

  it('A refused alone: nothing counted, and her next recorded event counts her', async () => {
    const a = await claim('gate_probe_4', 'token-a');
    await run(() => lib.releaseFirsts([event('gate_probe_4')], a));
    expect(counter(`gate_probe_4|day|${day}`)).toBeUndefined();
    await run(() => lib.countEvent(event('gate_probe_4')));
    expect(counter(`gate_probe_4|day|${day}`)).toMatchObject({ times: 1, people: 1 });
  });

  it('an event counted without a gate (a staff action) meanwhile: A refused counts her for it', async () => {
    const a = await claim('gate_probe_5', 'token-a');
    // It reads her markers, sees A's claim undecided and tells A it counts on it.
    await run(() => lib.countEvent(event('gate_probe_5', 'zitong')));
    expect(counter(`gate_probe_5|day|${day}`)).toMatchObject({ times: 1, people: 0 });
    await run(() => lib.releaseFirsts([event('gate_probe_5')], a));
    expect(counter(`gate_probe_5|day|${day}`)).toMatchObject({ times: 1, people: 1, towns: { zitong: { people: 1 } } });
  });
});

describe('several events counted in one call', () => {
  it('share one read and one insert of markers, and a marker two of them share counts once', async () => {
    const { countEvents } = await import('../../cloudfunctions/_lib/counters');
    const at = new Date();
    const day = chinaDay(at);
    const markerOps: string[] = [];
    const execute = host.engine.execute.bind(host.engine);
    const spy = jest.spyOn(host.engine, 'execute').mockImplementation((action, params, defer) => {
      if (params?.collectionName === 'markers') markerOps.push(action);
      return execute(action, params, defer);
    });
    await withIdentity(null, () =>
      countEvents([
        { metric: 'pair_probe', person: 'twin', town: 'guxi', at, dims: { law: 'a' } },
        { metric: 'pair_probe', person: 'twin', town: 'guxi', at, dims: { law: 'b' } },
        { metric: 'pair_other', person: 'twin', town: 'guxi', at },
      ]),
    );
    spy.mockRestore();
    expect(markerOps).toEqual(['database.getDocument', 'database.insertDocument']);
    expect(counter(`pair_probe|day|${day}`)).toMatchObject({ times: 2, people: 1 });
    expect(counter(`pair_probe:law=a|day|${day}`)).toMatchObject({ times: 1, people: 1 });
    expect(counter(`pair_probe:law=b|day|${day}`)).toMatchObject({ times: 1, people: 1 });
    expect(counter(`pair_other|day|${day}`)).toMatchObject({ times: 1, people: 1 });
  });
});

describe('the mistake book', () => {
  it('counts a question wrong once per attempt, also when two attempts with it are submitted at once', async () => {
    const who = 'book-racer';
    const start = () => call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'minors', count: 20 }, who).then(dataOf);
    const [a, b] = await Promise.all([start(), start()]);
    const allWrong = (quiz: Quiz) => quiz.questions.map((q) => ({ questionId: q.id, keys: wrongKeys(q) }));
    // Two attempts of 20 of the law's 35 questions: those in both are wrong twice at the same moment.
    const results = await Promise.all([
      call(host, 'learn', 'submitQuiz', { attemptId: a.attemptId, answers: allWrong(a) }, who),
      call(host, 'learn', 'submitQuiz', { attemptId: b.attemptId, answers: allWrong(b) }, who),
      call(host, 'learn', 'submitQuiz', { attemptId: a.attemptId, answers: allWrong(a) }, who),
    ]);
    for (const r of results) expect(dataOf(r).correct).toBe(0);
    const times = new Map<string, number>();
    for (const q of [...a.questions, ...b.questions]) times.set(q.id, (times.get(q.id) ?? 0) + 1);
    expect([...times.values()].some((n) => n === 2)).toBe(true);
    const book = dataOf(await call(host, 'learn', 'listMistakes', { lawId: 'minors' }, who));
    expect(book.total).toBe(times.size);
    const counted = Object.fromEntries(book.groups.flatMap((g) => g.items).map((i) => [i.question.id, i.wrongCount]));
    expect(counted).toEqual(Object.fromEntries(times));
  });
});

describe('questions cached by the learn function', () => {
  const ADMIN = 'dev-district';

  it('move their version on every change, so no instance keeps an old one', async () => {
    const version = () => (host.store.get('meta', 'questions')?.doc as { v?: string } | undefined)?.v;
    const v0 = version();
    expect(v0).toMatch(/^seed-/);
    dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: 'family-education-q005' }, ADMIN));
    const v1 = version();
    expect(v1).not.toBe(v0);
    dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: 'family-education-q005', restore: true }, ADMIN));
    expect(version()).not.toBe(v1);
  });
  it('grade with a staff correction at once, and leave the draw once retired', async () => {
    const who = 'cache-reader';
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'family-education', count: 3 }, who));
    const target = quiz.questions[0] as Quiz['questions'][number];
    const before = host.store.get('questions', target.id)?.doc as unknown as QuestionDraft & { _id: string };
    // Staff correct the key: the other option of a true/false, another single answer otherwise.
    const other = target.options.map((o) => o.key).find((k) => !before.answer.includes(k)) as string;
    const corrected: QuestionDraft = {
      lawId: before.lawId,
      type: before.type === 'multiple' ? 'single' : before.type,
      stem: before.stem,
      options: before.options,
      answer: [other],
      explanation: `${before.explanation}（工作人员更正）`,
      article: before.article,
      difficulty: before.difficulty,
    };
    dataOf(await call(host, 'learnAdmin', 'saveQuestion', { question: { ...corrected, id: target.id } }, ADMIN));
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [{ questionId: target.id, keys: [other] }] }, who));
    const item = result.items.find((i) => i.questionId === target.id);
    expect(item).toMatchObject({ correct: true, answer: [other] });
    expect(item?.explanation).toContain('工作人员更正');

    dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: target.id }, ADMIN));
    for (let i = 0; i < 5; i += 1) {
      const again = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'family-education', count: 20 }, who));
      expect(again.questions.map((q) => q.id)).not.toContain(target.id);
    }
  });

});
