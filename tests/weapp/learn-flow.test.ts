import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../../server/host';
import type { Quiz } from '../../shared/contracts/quiz';
import { call, dataOf, freshHost } from '../support/host';
import { MiniProgram, type ViewNode } from './support/logic-layer';

/**
 * 学法 as a new WeChat user meets it, through the weapp build: the first screen, then a practice
 * quiz started, answered, handed in, and its result, each step a tap on the element the compiled
 * template binds (Taro's `eh` dispatching to React), every cloud call answered by the local host.
 */

const ROOT = path.resolve(__dirname, '../..');
const WEAPP = path.join(ROOT, 'dist/weapp');
const OPENID = 'weapp-sim-new-user';
const LETTERS = 'ABCDEFGH';

let host: Host;
let mp: MiniProgram;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cloudfunctions'))) throw new Error('build the function bundles first: npm run build:functions');
  host = freshHost();
  mp = new MiniProgram({ dir: WEAPP, callFunction: (name, data) => host.invoke(name, data, { openid: OPENID }) });
  await mp.launch();
}, 60_000);

afterAll(() => {
  mp?.close();
  host?.close();
});

/** The elements of the current page with a class. */
function byClass(name: string): ViewNode[] {
  return MiniProgram.findAll(mp.screen(), (n) => typeof n.attr.class === 'string' && n.attr.class.split(/\s+/).includes(name));
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected one ${what}, found ${items.length}`);
  return items[0] as T;
}

describe('学法 in the weapp build, in the simulated mini-program runtime', () => {
  it('the first screen shows the laws in the store', async () => {
    const laws = dataOf(await call(host, 'learn', 'listLaws', {}, OPENID)).laws;
    expect(laws.length).toBe(6);
    expect(mp.route).toBe('pages/learn/index');
    expect(mp.page.title).toBe('学法');
    const text = MiniProgram.text(mp.screen());
    expect(text).toContain('巾帼法治通');
    for (const law of laws) {
      expect(text).toContain(law.short);
      expect(text).toContain(law.intro);
      // Each law is a card that 读屏 announces with its full name and number of lessons.
      expect(mp.byLabel(`${law.name}，${law.lessonCount}课，点按开始学习`).attr.ariaRole).toBe('button');
    }
    expect(mp.calls.map((c) => `${c.name}.${c.action}`)).toEqual(['learn.listLaws']);
    expect(mp.errors).toEqual([]);
  }, 30_000);

  it('a practice quiz: start, answer, hand in, see the result', async () => {
    await mp.tap(mp.byLabel(/^中华人民共和国反家庭暴力法，/));
    expect(mp.route).toBe('pkg-learn/pages/lessons/index');
    expect(MiniProgram.text(mp.screen())).toContain('什么是家庭暴力');

    await mp.tap(mp.byLabel(/^做反家庭暴力法的练习题/));
    expect(mp.route).toBe('pkg-learn/pages/quiz/index');
    const started = mp.calls.filter((c) => c.action === 'startQuiz');
    const quiz = (only(started, 'startQuiz call').reply as { ok: true; data: Quiz }).data;
    expect(quiz.questions).toHaveLength(10);

    // Answer as a person would: read the stem, tap the options. All right but the third.
    for (let i = 0; i < quiz.questions.length; i += 1) {
      expect(MiniProgram.text(only(byClass('quiz-head__count'), 'progress'))).toBe(`第 ${i + 1} / 10 题`);
      const stem = MiniProgram.text(only(byClass('quiz-question__stem'), 'stem'));
      const question = only(quiz.questions.filter((q) => q.stem === stem), `question "${stem}"`);
      const stored = host.store.get('questions', question.id)?.doc as { answer: string[] } | undefined;
      if (!stored) throw new Error(`question ${question.id} is not in the store`);
      const wrongKey = question.options.map((o) => o.key).find((k) => !stored.answer.includes(k)) ?? stored.answer[0];
      const keys = i === 2 ? [wrongKey as string] : stored.answer;
      for (const key of keys) {
        const at = question.options.findIndex((o) => o.key === key);
        const option = question.options[at];
        if (!option) throw new Error(`option ${key} is not in the quiz`);
        const label = `${LETTERS[at]}，${option.text}`;
        await mp.tap(mp.byLabel(label));
        expect(mp.byLabel(`${label}，已选`).attr.ariaChecked).toBe(true);
      }
      if (i < 9) await mp.tap(mp.byLabel('下一题'));
    }
    expect(MiniProgram.text(mp.screen())).toContain('全部答完了，可以交卷');

    await mp.tap(mp.byLabel('交卷'));
    expect(mp.route).toBe('pkg-learn/pages/result/index');
    const result = MiniProgram.text(mp.screen());
    expect(result).toContain('90 分');
    expect(result).toContain('答对 9 / 10 题');
    expect(result).toContain('第 3 题');
    // One cloud call per user action: open the app, open a law, start, hand in.
    expect(mp.calls.map((c) => `${c.name}.${c.action}:${c.ok ? 'ok' : c.code}`)).toEqual(['learn.listLaws:ok', 'learn.listLessons:ok', 'learn.startQuiz:ok', 'learn.submitQuiz:ok']);
    expect(mp.errors).toEqual([]);
    expect(mp.warnings).toEqual([]);
    expect(mp.view.warnings).toEqual([]);
  }, 120_000);
});
