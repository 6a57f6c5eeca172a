import path from 'node:path';
import { RecordingContext } from './recording-context';
import { simulate, type SimNode, type SimRoot } from './simulate';

const COMPONENT = path.resolve(__dirname, '../../client/native/certificate/index');
const PROPS = { title: '2026 年反家庭暴力法知识竞答', name: '王小花', score: 95, passMark: 60, date: '2026-11-29' };
const TEMP_FILE = 'http://tmp/certificate.png';

// miniprogram-simulate registers WeChat's built-ins as bare slots; give the two this component
// relies on the properties the real ones have, so their attributes can be read back.
simulate.load({ id: 'button', tagName: 'wx-button', template: '<slot/>', properties: { ariaLabel: String, loading: Boolean, disabled: Boolean } });
simulate.load({ id: 'canvas', tagName: 'wx-canvas', template: '<slot/>', properties: { type: String, ariaHidden: Boolean } });
// Loaded once: the component file runs through Jest's module registry, which keeps it after the first require.
const CARD = simulate.load(COMPONENT);

/** `this` inside the component, as far as these tests reach. */
interface CardInstance {
  createSelectorQuery(): Query;
  toTempFile(): Promise<string>;
}
type Card = SimRoot<CardInstance>;
interface Query {
  exec(callback: (res: Array<Record<string, unknown> | null>) => void): void;
}

/** A fake canvas node: a size WeChat lets you set, and a recording 2D context. */
class FakeCanvas {
  width = 300;
  height = 150;
  readonly ctx = new RecordingContext();
  getContext(kind: string): RecordingContext {
    if (kind !== '2d') throw new Error(`unexpected context ${kind}`);
    return this.ctx;
  }
}

/**
 * Renders the card. miniprogram-simulate's selector query finds the <canvas> by its id but has no
 * canvas objects; where it found one, hand over the fake with the size the 600×840rpx box lays out to.
 */
const rendered: Card[] = [];
function renderCard(props: Record<string, unknown> = PROPS): { card: Card; canvas: FakeCanvas } {
  const card = simulate.render<CardInstance>(CARD, props);
  rendered.push(card);
  const canvas = new FakeCanvas();
  const instance = card.instance;
  const realQuery = instance.createSelectorQuery.bind(instance);
  jest.spyOn(instance, 'createSelectorQuery').mockImplementation(() => {
    const query = realQuery();
    const exec = query.exec.bind(query);
    query.exec = (callback) => exec((res) => callback(res.map((hit) => (hit ? { ...hit, node: canvas, width: 300, height: 420 } : null))));
    return query;
  });
  card.attach(document.createElement('parent-wrapper'));
  return { card, canvas };
}

function dataOf(node: SimNode | undefined): Record<string, unknown> {
  if (!node) throw new Error('node not rendered');
  return node.data as Record<string, unknown>;
}

function textOf(card: Card, selector: string): string {
  return card.querySelector(selector)?.dom?.textContent ?? '';
}

/** The 保存到相册 button (exparser selectors take ids and classes, not attributes). */
function saveButton(card: Card): SimNode | undefined {
  return card.querySelector('.certificate__save');
}

function nextEvent(card: Card, name: string): Promise<unknown> {
  return new Promise((resolve) => card.addEventListener(name, (event) => resolve(event.detail)));
}

type Callbacks<T> = { success?: (res: T) => void; fail?: (res: { errMsg: string }) => void; complete?: () => void };

/** A wx API that answers later, through its callbacks, the way the real ones do. */
function answers<T>(outcome: { ok: T } | { errMsg: string }) {
  return jest.fn((options: Callbacks<T>) => {
    setTimeout(() => {
      if ('ok' in outcome) options.success?.(outcome.ok);
      else options.fail?.({ errMsg: outcome.errMsg });
      options.complete?.();
    }, 0);
  });
}

interface WxEdge {
  canvasToTempFilePath: jest.Mock;
  saveImageToPhotosAlbum: jest.Mock;
  showModal: jest.Mock;
  showToast: jest.Mock;
  openSetting: jest.Mock;
}
const wxApi = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
let edge: WxEdge;

beforeEach(() => {
  edge = {
    canvasToTempFilePath: answers({ ok: { tempFilePath: TEMP_FILE, errMsg: 'canvasToTempFilePath:ok' } }),
    saveImageToPhotosAlbum: answers({ ok: { errMsg: 'saveImageToPhotosAlbum:ok' } }),
    showModal: answers({ ok: { confirm: true, cancel: false, errMsg: 'showModal:ok' } }),
    showToast: answers({ ok: { errMsg: 'showToast:ok' } }),
    openSetting: answers({ ok: { authSetting: { 'scope.writePhotosAlbum': true }, errMsg: 'openSetting:ok' } }),
  };
  Object.assign(wxApi, edge);
});

afterEach(() => {
  for (const card of rendered.splice(0)) card.detach();
  jest.restoreAllMocks();
});

describe('<certificate-card> (native component)', () => {
  it('shows the words of the certificate as text, the name masked, for screen readers', () => {
    const { card } = renderCard();
    expect(textOf(card, '.certificate__heading')).toBe('巾帼法治通 · 学法答题证书');
    expect(textOf(card, '.certificate__title')).toBe('2026 年反家庭暴力法知识竞答');
    expect(textOf(card, '.certificate__name')).toBe('王**');
    expect(textOf(card, '.certificate__score')).toBe('得分 95 分');
    expect(textOf(card, '.certificate__pass')).toBe('及格线 60 分');
    expect(textOf(card, '.certificate__motto')).toBe('学法懂法 用法护法');
    expect(textOf(card, '.certificate__issuer')).toBe('潼南区妇女联合会');
    expect(textOf(card, '.certificate__date')).toBe('2026年11月29日');
    expect(card.dom?.textContent).not.toContain('王小花');
  });

  it('calls a learner without a name 学员 and signs with the issuer given', () => {
    const { card } = renderCard({ ...PROPS, name: '', issuer: '潼南区桂林街道妇联' });
    expect(textOf(card, '.certificate__name')).toBe('学员');
    expect(textOf(card, '.certificate__issuer')).toBe('潼南区桂林街道妇联');
  });

  it('draws on a 2d canvas kept from screen readers, with a labelled 保存到相册 button', () => {
    const { card } = renderCard();
    expect(dataOf(card.querySelector('#certificate-canvas'))).toMatchObject({ type: '2d', ariaHidden: true });
    const save = saveButton(card);
    expect(save?.dom?.textContent).toBe('保存到相册');
    expect(save?.dom?.getAttribute('data-testid')).toBe('certificate-save');
    expect(dataOf(save)).toMatchObject({ ariaLabel: '保存证书图片到手机相册', loading: false, disabled: false });
  });

  it('paints the poster once laid out, sharp at the device pixel ratio', async () => {
    const { canvas } = renderCard();
    await simulate.sleep(0);
    // miniprogram-simulate's wx.getWindowInfo reports a pixel ratio of 3.
    expect([canvas.width, canvas.height]).toEqual([900, 1260]);
    expect(canvas.ctx.calls.find((c) => c.op === 'scale')?.args).toEqual([3, 3]);
    expect(canvas.ctx.texts()).toEqual(expect.arrayContaining(['巾帼法治通 · 学法答题证书', '王**', '得分 95 分', '及格线 60 分', '潼南区妇女联合会', '2026年11月29日']));
  });

  it('repaints and retells when a property changes', async () => {
    const { card, canvas } = renderCard();
    await simulate.sleep(0);
    card.setData({ score: 88 });
    await simulate.sleep(0);
    expect(textOf(card, '.certificate__score')).toBe('得分 88 分');
    const scores = canvas.ctx.texts().filter((t) => t.startsWith('得分'));
    expect(scores).toEqual(['得分 95 分', '得分 88 分']);
  });

  it('saves to the album: exports the canvas, then saves that file, then reports saved', async () => {
    const { card, canvas } = renderCard();
    const saved = nextEvent(card, 'saved');
    saveButton(card)?.dispatchEvent('tap');
    await simulate.sleep(0); // the tap is delivered; the export is still out
    expect(dataOf(saveButton(card))).toMatchObject({ loading: true, disabled: true });

    await expect(saved).resolves.toEqual({ tempFilePath: TEMP_FILE });
    expect(edge.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas, fileType: 'png' }));
    expect(edge.saveImageToPhotosAlbum).toHaveBeenCalledWith(expect.objectContaining({ filePath: TEMP_FILE }));
    expect(edge.canvasToTempFilePath.mock.invocationCallOrder[0]).toBeLessThan(edge.saveImageToPhotosAlbum.mock.invocationCallOrder[0] ?? 0);
    expect(edge.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }));
    expect(edge.showModal).not.toHaveBeenCalled();
    expect(dataOf(saveButton(card))).toMatchObject({ loading: false, disabled: false });
  });

  it('when album permission is refused, reports failed and explains how to allow it, opening the settings on 去设置', async () => {
    edge.saveImageToPhotosAlbum = answers({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    Object.assign(wxApi, edge);
    const { card } = renderCard();
    const failed = nextEvent(card, 'failed');
    saveButton(card)?.dispatchEvent('tap');

    await expect(failed).resolves.toEqual({ errMsg: 'saveImageToPhotosAlbum:fail auth deny', denied: true });
    expect(edge.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要相册权限', content: expect.stringContaining('添加到相册') as string, confirmText: '去设置' }));
    await simulate.sleep(0);
    expect(edge.openSetting).toHaveBeenCalledTimes(1);
  });

  it('a failure other than a refusal reports failed with a toast, and no permission modal', async () => {
    edge.canvasToTempFilePath = answers({ errMsg: 'canvasToTempFilePath:fail canvas is empty' });
    Object.assign(wxApi, edge);
    const { card } = renderCard();
    const failed = nextEvent(card, 'failed');
    saveButton(card)?.dispatchEvent('tap');

    await expect(failed).resolves.toEqual({ errMsg: 'canvasToTempFilePath:fail canvas is empty', denied: false });
    expect(edge.saveImageToPhotosAlbum).not.toHaveBeenCalled();
    expect(edge.showModal).not.toHaveBeenCalled();
    expect(edge.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '保存没有成功，请再试一次', icon: 'none' }));
  });

  it('a learner who backs out of saving sees no error message, though failed still reports it', async () => {
    edge.saveImageToPhotosAlbum = answers({ errMsg: 'saveImageToPhotosAlbum:fail cancel' });
    Object.assign(wxApi, edge);
    const { card } = renderCard();
    const failed = nextEvent(card, 'failed');
    saveButton(card)?.dispatchEvent('tap');

    await expect(failed).resolves.toEqual({ errMsg: 'saveImageToPhotosAlbum:fail cancel', denied: false });
    expect(edge.showModal).not.toHaveBeenCalled();
    expect(edge.showToast).not.toHaveBeenCalled();
  });

  it('a second tap while saving does not save twice', async () => {
    const { card } = renderCard();
    const saved = nextEvent(card, 'saved');
    const save = saveButton(card);
    save?.dispatchEvent('tap');
    save?.dispatchEvent('tap');
    await saved;
    await simulate.sleep(0);
    expect(edge.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1);
  });

  it('exports the poster as a temporary file for sharing through toTempFile()', async () => {
    const { card } = renderCard();
    await expect(card.instance.toTempFile()).resolves.toBe(TEMP_FILE);
    expect(edge.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  });
});
