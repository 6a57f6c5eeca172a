import { certificateText, chinaDateText, drawCertificate, maskName, type CertificateData } from '../../client/native/certificate/draw';
import { RecordingContext } from './recording-context';

const SIZE = { width: 300, height: 420 };
const PASSED: CertificateData = { title: '2026 年反家庭暴力法知识竞答', name: '王小花', score: 95, passMark: 60, date: '2026-11-29' };

function drawn(data: CertificateData, size = SIZE): RecordingContext {
  const ctx = new RecordingContext();
  drawCertificate(ctx, data, size);
  return ctx;
}

describe('drawCertificate (the poster shared by the weapp component and the h5 page)', () => {
  it('draws the heading, the masked name, the campaign, the score, the pass mark, the motto, the issuer and the China date', () => {
    const texts = drawn(PASSED).texts();
    expect(texts[0]).toBe('巾帼法治通 · 学法答题证书');
    expect(texts).toContain('王**');
    expect(texts.join('')).toContain('在「2026 年反家庭暴力法知识竞答」中');
    expect(texts).toContain('成绩合格，特发此证。');
    expect(texts).toContain('得分 95 分');
    expect(texts).toContain('及格线 60 分');
    expect(texts).toContain('学法懂法 用法护法');
    expect(texts).toContain('潼南区妇女联合会');
    expect(texts).toContain('2026年11月29日');
  });

  it('never draws the full name on an image meant to be shared', () => {
    expect(drawn(PASSED).texts().join('')).not.toContain('王小花');
  });

  it('draws the score in the largest lettering on the poster', () => {
    const calls = drawn(PASSED).textCalls();
    const score = calls.find((c) => c.text.includes('95'));
    expect(score).toBeDefined();
    expect(Math.max(...calls.map((c) => c.px))).toBe(score?.px);
  });

  it('signs with the issuer given instead of the default', () => {
    const texts = drawn({ ...PASSED, issuer: '潼南区桂林街道妇联' }).texts();
    expect(texts).toContain('潼南区桂林街道妇联');
    expect(texts).not.toContain('潼南区妇女联合会');
  });

  it('wraps a long campaign title into lines that fit inside the frame', () => {
    const title = '潼南区二〇二六年度“巾帼普法进万家”反家庭暴力法与妇女权益保障法知识竞答';
    const ctx = drawn({ ...PASSED, title });
    const titleLines = ctx.textCalls().filter((c) => /^在「|」中$/.test(c.text) || title.includes(c.text));
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.map((c) => c.text).join('')).toBe(`在「${title}」中`);
    for (const line of titleLines) expect(line.text.length * line.px).toBeLessThanOrEqual(SIZE.width - 70);
  });

  it('keeps every line inside the box, at any size', () => {
    for (const size of [SIZE, { width: 600, height: 840 }]) {
      for (const c of drawn(PASSED, size).textCalls()) {
        expect(c.x).toBeGreaterThan(0);
        expect(c.x).toBeLessThan(size.width);
        expect(c.y).toBeGreaterThan(0);
        expect(c.y).toBeLessThan(size.height);
      }
    }
  });

  it('scales the lettering with the canvas', () => {
    const small = drawn(PASSED).textCalls();
    const large = drawn(PASSED, { width: 600, height: 840 }).textCalls();
    expect(large.map((c) => c.text)).toEqual(small.map((c) => c.text));
    expect(large.map((c) => c.px)).toEqual(small.map((c) => Math.round(c.px * 2)));
  });

  it('paints the paper before any text, so a redraw leaves no trace of the last one', () => {
    const ops = drawn(PASSED).calls.map((c) => c.op);
    expect(ops.slice(0, 2)).toEqual(['clearRect', 'fillRect']);
    expect(ops.indexOf('fillText')).toBeGreaterThan(1);
  });
});

describe('the words of a certificate', () => {
  it('shows a name as its first character and stars, and 学员 without a name', () => {
    expect(maskName('王小花')).toBe('王**');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('张桂英（社区）')).toBe('张**');
    expect(maskName('  ')).toBe('学员');
    expect(maskName(null)).toBe('学员');
  });

  it('writes a China date the way a certificate does', () => {
    expect(chinaDateText('2026-03-08')).toBe('2026年3月8日');
    expect(chinaDateText('')).toBe('');
  });

  it('sums the certificate up in one sentence for screen readers', () => {
    expect(certificateText(PASSED).summary).toBe(
      '巾帼法治通 · 学法答题证书：王**在「2026 年反家庭暴力法知识竞答」中得分 95 分，及格线 60 分，成绩合格，特发此证。潼南区妇女联合会，2026年11月29日。',
    );
  });
});
