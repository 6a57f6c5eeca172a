import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { allPages, readAppJson, type AppJson } from '../../../scripts/weapp-size';
import { ViewLayer, type WccNode } from './view-layer';

/**
 * A simulated WeChat mini-program runtime for dist/weapp, faithful where the app's code can tell:
 *
 * - Logic layer: the built JS runs in a Node `vm` context holding only ECMAScript built-ins plus what
 *   WeChat's logic layer gives: `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`,
 *   `wx`, timers, `console`. No `window`, `document`, `fetch`, `URL`, `TextEncoder`…: each file is
 *   wrapped as WeChat wraps it, with `window`, `document`, `navigator`… bound to undefined.
 *   `require` resolves paths relative to the file, as in WeChat; page code is loaded when the page
 *   is first opened (lazyCodeLoading), subpackage code with it.
 * - Pages: instances built from the `Page()` options (data copied, methods bound), a page stack
 *   with WeChat's routing rules (navigateTo, redirectTo, navigateBack, switchTab, reLaunch, tab pages
 *   kept alive, at most 10 pages), lifecycles onLoad → onShow → onReady, onHide, onUnload.
 * - `setData`: the payload goes through JSON, as it does on its way to the view layer (functions
 *   and undefined values dropped, the drop of undefined noted as WeChat warns), paths like
 *   `root.cn.[0].v` are applied, the callback runs after the update, payloads over 1 MiB are errors.
 * - View layer: the templates compiled by WeChat's `wcc` render the instance data (view-layer.ts);
 *   custom components (Taro's recursive `comp`, the native certificate card) get instances with
 *   properties, observers, lifetimes (created, attached, ready, detached), `virtualHost`.
 * - Events: a tap fires touchstart, touchend, tap on the target element and bubbles each through
 *   the ancestors that bind it (`bind*` continues, `catch*` stops), calling the handler named in
 *   the template on the instance that owns the template, as WeChat does; Taro's `eh` takes it from
 *   there. Inputs fire `input` with `detail.value`.
 * - `wx`: the APIs the app and Taro use, with WeChat's callback/promise conventions and `errMsg`s.
 *   `wx.cloud.callFunction` goes to a bridge (the local host) with the data and result passed
 *   through JSON. Reads of any other `wx` member are recorded in `unsupported`.
 *
 * Simulated rather than real: layout and styles (WXSS is compiled by wcsc elsewhere, not applied
 * here), canvas, the native look of built-in components, gestures beyond tap, real time for timers
 * longer than 50 ms (left running, never awaited), the device (an iPhone-sized screen).
 */

export interface ViewNode {
  /** `view`, `text`, `button`, a custom component's tag, or `#text` for text. */
  tag: string;
  attr: Record<string, unknown>;
  children: ViewNode[];
  text: string;
  parent: ViewNode | null;
  /** The page or component whose template produced the node: it handles the node's events. */
  owner: Instance;
}

interface ComponentDef {
  properties?: Record<string, unknown>;
  data?: Record<string, unknown>;
  methods?: Record<string, (...args: unknown[]) => unknown>;
  lifetimes?: Record<string, (...args: unknown[]) => unknown>;
  observers?: Record<string, (...args: unknown[]) => unknown>;
  options?: { virtualHost?: boolean };
  [key: string]: unknown;
}

type Obj = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

interface Instance {
  kind: 'page' | 'component';
  /** The page route or the component's path, without extension. */
  file: string;
  /** `this` for the instance's code: an object of the logic layer's realm. */
  self: Obj;
  components: Map<string, ComponentInstance>;
}

interface ComponentInstance extends Instance {
  def: ComponentDef;
  propertyNames: string[];
  ready: boolean;
  seen: boolean;
}

export interface PageInstance extends Instance {
  route: string;
  title: string;
  alive: boolean;
  /** The lifecycle hooks WeChat called on it, in order. */
  lifecycle: string[];
}

interface TimerEntry {
  handle: NodeJS.Timeout;
  delay: number;
  repeat: boolean;
}

export interface CallRecord {
  name: string;
  action: string;
  ok: boolean;
  code?: string;
  /** The action's input as the app sent it. */
  input?: unknown;
  /** The function's reply as the app received it. */
  reply?: unknown;
}

export interface MiniProgramOptions {
  /** dist/weapp */
  dir: string;
  /** The other side of `wx.cloud.callFunction`: the function's reply, or a rejection for a failed call. */
  callFunction: (name: string, data: unknown) => Promise<unknown>;
}

const BROWSER_GLOBALS = [
  'window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen',
  'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore',
];
/** Timers at most this long are work in progress; longer ones (countdowns) are left running. */
const SHORT_TIMER_MS = 50;
const SET_DATA_LIMIT = 1024 * 1024;
const MAX_PAGES = 10;
const TOUCH_EVENTS = ['touchstart', 'touchend', 'tap'];


function parsePath(key: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

function splitUrl(url: string, from: string | null): { route: string; query: Record<string, string> } {
  const [rawPath = '', search = ''] = url.split('?');
  let route = rawPath.startsWith('/') ? rawPath.slice(1) : from ? path.posix.join(path.posix.dirname(from), rawPath) : rawPath;
  route = path.posix.normalize(route);
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const i = pair.indexOf('=');
    // WeChat hands the values to onLoad as they stand in the url (still percent-encoded).
    if (i < 0) query[pair] = '';
    else query[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return { route, query };
}

export class MiniProgram {
  readonly view: ViewLayer;
  /** Exceptions and console errors of the app's code, and WeChat's complaints (setData, missing handlers). */
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  /** `wx` members read by the app that this simulation does not provide. */
  readonly unsupported = new Set<string>();
  readonly calls: CallRecord[] = [];
  readonly toasts: string[] = [];
  readonly modals: Array<{ title: string; content: string }> = [];
  /** Largest setData payload, bytes of JSON. */
  maxSetData = 0;
  /** The simulated user's answer to `wx.showModal`. */
  modalAnswer: 'confirm' | 'cancel' = 'cancel';

  private readonly ctx: vm.Context;
  private readonly json: JSON;
  private readonly VmPromise: PromiseConstructor;
  private readonly app: AppJson;
  private readonly routes = new Set<string>();
  private readonly tabs = new Set<string>();
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageDefs = new Map<string, Obj>();
  private readonly componentDefs = new Map<string, ComponentDef>();
  private readonly loading: string[] = [];
  private readonly storage = new Map<string, string>();
  private readonly timers = new Map<number, TimerEntry>();
  private timerSeq = 0;
  private pendingCalls = 0;
  private appInstance: Obj | null = null;
  private stack: PageInstance[] = [];
  private readonly alive = new Map<string, PageInstance>();
  private cloudReady = false;
  private closed = false;
  private readonly onRejection = (reason: unknown, promise: Promise<unknown>): void => {
    if (promise instanceof this.VmPromise) this.errors.push(`unhandled rejection: ${describe(reason)}`);
  };

  constructor(private readonly options: MiniProgramOptions) {
    this.view = new ViewLayer(options.dir);
    this.app = readAppJson(options.dir);
    for (const p of allPages(this.app)) this.routes.add(p);
    for (const t of this.app.tabBar?.list ?? []) this.tabs.add(t.pagePath);

    const record = (level: 'error' | 'warn') => (...args: unknown[]) => {
      const line = args.map(describe).join(' ');
      (level === 'error' ? this.errors : this.warnings).push(line);
    };
    const quiet = (): void => undefined;
    const sandbox: Obj = {
      console: { log: quiet, info: quiet, debug: quiet, warn: record('warn'), error: record('error'), group: quiet, groupEnd: quiet, time: quiet, timeEnd: quiet },
      setTimeout: (fn: Fn, delay?: number, ...args: unknown[]) => this.addTimer(fn, delay ?? 0, false, args),
      setInterval: (fn: Fn, delay?: number, ...args: unknown[]) => this.addTimer(fn, delay ?? 0, true, args),
      clearTimeout: (id: number) => this.clearTimer(id),
      clearInterval: (id: number) => this.clearTimer(id),
      App: (o: Obj) => this.registerApp(o),
      Page: (o: Obj) => this.registerPage(o),
      Component: (o: ComponentDef) => this.registerComponent(o),
      Behavior: (o: Obj) => o,
      getApp: () => this.appInstance ?? undefined,
      getCurrentPages: () => this.vmArray(this.stack.map((p) => p.self)),
    };
    this.ctx = vm.createContext(sandbox, { name: 'weapp logic layer' });
    this.json = vm.runInContext('JSON', this.ctx) as JSON;
    this.VmPromise = vm.runInContext('Promise', this.ctx) as PromiseConstructor;
    sandbox.wx = this.createWx();
    process.on('unhandledRejection', this.onRejection);
  }

  // ---------------------------------------------------------------- the app

  /** Runs app.js (App()), then onLaunch and onShow, then opens the first page (or `url`). */
  async launch(url?: string): Promise<void> {
    this.requireFile('app.js');
    if (!this.appInstance) throw new Error('app.js did not call App()');
    const first = splitUrl(url ?? `/${this.app.pages[0] as string}`, null);
    const launchOptions = { path: first.route, query: first.query, scene: 1001, referrerInfo: {} };
    this.hook(this.appInstance, 'onLaunch', this.clone(launchOptions));
    this.hook(this.appInstance, 'onShow', this.clone(launchOptions));
    this.openPage(first.route, first.query);
    await this.settle();
  }

  /** The page on top of the stack. */
  get page(): PageInstance {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  get route(): string {
    return this.page.route;
  }

  /** Routes of every page declared in app.json, subpackages included. */
  allRoutes(): string[] {
    return [...this.routes];
  }

  /** `wx.reLaunch` as the app would call it, then waits for the page to settle. */
  async reLaunch(url: string): Promise<void> {
    const target = splitUrl(url, null);
    this.requireRoute(target.route, 'reLaunch');
    this.unloadAll();
    this.openPage(target.route, target.query);
    await this.settle();
  }

  /**
   * Lets the app finish what it started: waits until no cloud call is in flight and no short
   * timer (≤ 50 ms: React's scheduler, Taro's updates, WeChat's own callbacks) is pending; then
   * renders the page on top, as WeChat's view layer would after the updates.
   */
  async settle(limitMs = 15_000): Promise<void> {
    const started = Date.now();
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const busy = this.pendingCalls > 0 || [...this.timers.values()].some((t) => !t.repeat && t.delay <= SHORT_TIMER_MS);
      quiet = busy ? 0 : quiet + 1;
      if (Date.now() - started > limitMs) throw new Error(`the mini-program did not settle in ${limitMs} ms (${this.pendingCalls} calls in flight)`);
    }
    if (this.stack.length > 0) this.screen();
  }

  /** Stops every timer and lets go of the process hooks. */
  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t.handle);
    this.timers.clear();
    process.off('unhandledRejection', this.onRejection);
  }

  // ---------------------------------------------------------------- the screen

  /** The current page rendered through its wcc-compiled template, custom components expanded. */
  screen(page: PageInstance = this.page): ViewNode {
    for (const c of page.components.values()) c.seen = false;
    const tree = this.view.render(page.route, page.self.data);
    const root = this.expand(tree, null, page);
    this.sweep(page);
    return root;
  }

  /** Visible text of a rendered subtree: text nodes outside `hidden` elements, trimmed and joined. */
  static text(node: ViewNode): string {
    const parts: string[] = [];
    const walk = (n: ViewNode): void => {
      if (n.tag === '#text') {
        const t = n.text.trim();
        if (t) parts.push(t);
        return;
      }
      if (n.attr.hidden === true || /display\s*:\s*none/.test(str(n.attr.style))) return;
      n.children.forEach(walk);
    };
    walk(node);
    return parts.join(' ');
  }

  /** Every element of a subtree that matches. */
  static findAll(node: ViewNode, match: (n: ViewNode) => boolean): ViewNode[] {
    const out: ViewNode[] = [];
    const walk = (n: ViewNode): void => {
      if (n.tag !== '#text' && match(n)) out.push(n);
      n.children.forEach(walk);
    };
    walk(node);
    return out;
  }

  /** The one element of the current page whose `aria-label` matches (what 读屏 announces). */
  byLabel(label: string | RegExp): ViewNode {
    const all = MiniProgram.findAll(this.screen(), (n) => {
      const a = n.attr.ariaLabel;
      return typeof a === 'string' && (typeof label === 'string' ? a === label : label.test(a));
    });
    if (all.length !== 1) throw new Error(`expected one element labelled ${String(label)} on ${this.route}, found ${all.length}`);
    return all[0] as ViewNode;
  }

  /** Taps an element: touchstart, touchend, tap, each bubbling as in WeChat; then settles. */
  async tap(node: ViewNode): Promise<void> {
    for (const type of TOUCH_EVENTS) this.dispatch(node, type, type === 'tap' ? { x: 10, y: 10 } : {});
    await this.settle();
  }

  /** Types `value` into an input element (its `input` event), then settles. */
  async input(node: ViewNode, value: string): Promise<void> {
    this.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.settle();
  }

  // ---------------------------------------------------------------- modules

  private requireFile(file: string): unknown {
    const normal = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`);
    const cached = this.modules.get(normal);
    if (cached) return cached.exports;
    const full = path.join(this.options.dir, normal);
    if (!fs.existsSync(full)) throw new Error(`module "${normal}" is not defined`);
    const code = fs.readFileSync(full, 'utf8');
    const wrapped = `(function (require, module, exports, ${BROWSER_GLOBALS.join(', ')}) {${code}\n})`;
    const fn = new vm.Script(wrapped, { filename: normal }).runInContext(this.ctx) as Fn;
    const mod = { exports: this.json.parse('{}') as unknown };
    this.modules.set(normal, mod);
    const req = (request: string): unknown => this.requireFile(request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(normal), request));
    this.loading.push(normal.replace(/\.js$/, ''));
    try {
      fn.call(undefined, req, mod, mod.exports);
    } finally {
      this.loading.pop();
    }
    return mod.exports;
  }

  private registerApp(options: Obj): void {
    if (this.appInstance) throw new Error('App() was called twice');
    this.appInstance = options;
  }

  private registerPage(options: Obj): void {
    const file = this.loading[this.loading.length - 1];
    if (!file || !this.routes.has(file)) throw new Error(`Page() called outside a page's file (${file ?? 'no file'})`);
    this.pageDefs.set(file, options);
  }

  private registerComponent(options: ComponentDef): void {
    const file = this.loading[this.loading.length - 1];
    if (!file) throw new Error('Component() called outside a component file');
    this.componentDefs.set(file, options);
  }

  // ---------------------------------------------------------------- pages

  private requireRoute(route: string, api: string): void {
    if (!this.routes.has(route)) throw Object.assign(new Error(`${api}:fail page "${route}" is not found`), { wx: true });
  }

  private openPage(route: string, query: Record<string, string>): PageInstance {
    const kept = this.alive.get(route);
    if (kept) {
      this.stack.push(kept);
      this.pageHook(kept, 'onShow');
      return kept;
    }
    if (!this.pageDefs.has(route)) this.requireFile(`${route}.js`);
    const def = this.pageDefs.get(route);
    if (!def) throw new Error(`${route}.js did not call Page()`);
    const self = this.json.parse('{}') as Obj;
    const page: PageInstance = { kind: 'page', file: route, route, self, components: new Map(), title: this.configuredTitle(route), alive: true, lifecycle: [] };
    for (const [k, v] of Object.entries(def)) self[k] = typeof v === 'function' ? v : this.clone(v ?? null);
    self.data = this.clone(def.data ?? {});
    self.route = route;
    self.__route__ = route;
    self.options = this.clone(query);
    self.setData = (patch: Obj, cb?: Fn) => this.setData(page, patch, cb);
    self.selectComponent = () => null;
    self.selectAllComponents = () => this.vmArray([]);
    self.createSelectorQuery = () => this.selectorQuery();
    self.getOpenerEventChannel = () => this.clone({});
    this.stack.push(page);
    if (this.tabs.has(route)) this.alive.set(route, page);
    this.pageHook(page, 'onLoad', this.clone(query));
    this.pageHook(page, 'onShow');
    // onReady: once the first render is through, a frame later.
    this.addTimer(() => {
      if (page.alive) this.pageHook(page, 'onReady');
    }, 16, false, []);
    return page;
  }

  /** The navigation bar title from the page's .json, else app.json's window. */
  private configuredTitle(route: string): string {
    const file = path.join(this.options.dir, `${route}.json`);
    const own = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { navigationBarTitleText?: string }).navigationBarTitleText : undefined;
    return own ?? this.app.window?.navigationBarTitleText ?? '';
  }

  private unload(page: PageInstance): void {
    page.alive = false;
    this.alive.delete(page.route);
    this.pageHook(page, 'onUnload');
    for (const c of page.components.values()) this.detach(c);
  }

  private unloadAll(): void {
    for (const p of [...this.stack].reverse()) this.unload(p);
    for (const p of this.alive.values()) if (p.alive) this.unload(p);
    this.stack = [];
    this.alive.clear();
  }

  private navigate(api: string, url: string): void {
    const from = this.stack.length ? this.page.route : null;
    const target = splitUrl(url, from);
    this.requireRoute(target.route, api);
    const isTab = this.tabs.has(target.route);
    switch (api) {
      case 'navigateTo':
        if (isTab) throw Object.assign(new Error('navigateTo:fail can not navigateTo a tabbar page'), { wx: true });
        if (this.stack.length >= MAX_PAGES) throw Object.assign(new Error('navigateTo:fail webview count limit exceed'), { wx: true });
        this.pageHook(this.page, 'onHide');
        this.openPage(target.route, target.query);
        return;
      case 'redirectTo':
        if (isTab) throw Object.assign(new Error('redirectTo:fail can not redirectTo a tabbar page'), { wx: true });
        this.unload(this.stack.pop() as PageInstance);
        this.openPage(target.route, target.query);
        return;
      case 'switchTab': {
        if (!isTab) throw Object.assign(new Error('switchTab:fail can not switch to no-tabBar page'), { wx: true });
        while (this.stack.length > 1) this.unload(this.stack.pop() as PageInstance);
        const bottom = this.stack.pop();
        if (bottom && bottom.route === target.route) {
          this.stack.push(bottom);
          return;
        }
        if (bottom) {
          if (this.tabs.has(bottom.route)) this.pageHook(bottom, 'onHide');
          else this.unload(bottom);
        }
        this.openPage(target.route, {});
        return;
      }
      case 'reLaunch':
        this.unloadAll();
        this.openPage(target.route, target.query);
        return;
      default:
        throw new Error(`unknown route api ${api}`);
    }
  }

  private navigateBack(delta: number): void {
    if (this.stack.length <= 1) throw Object.assign(new Error('navigateBack:fail cannot navigate back at first page.'), { wx: true });
    const n = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < n; i += 1) this.unload(this.stack.pop() as PageInstance);
    this.pageHook(this.page, 'onShow');
  }

  // ---------------------------------------------------------------- setData and rendering

  private setData(inst: Instance, patch: Obj, cb?: Fn): void {
    if (typeof patch !== 'object' || patch === null) {
      this.errors.push(`${inst.file}: setData expects an object`);
      return;
    }
    const payload = JSON.stringify(patch);
    this.maxSetData = Math.max(this.maxSetData, payload.length);
    if (payload.length > SET_DATA_LIMIT) this.errors.push(`${inst.file}: setData of ${payload.length} bytes exceeds WeChat's 1 MiB limit`);
    for (const [k, v] of Object.entries(patch)) if (v === undefined) this.warnings.push(`${inst.file}: setData ${k} to undefined is ignored`);
    const data = this.json.parse(payload) as Obj;
    const changed = new Set<string>();
    for (const [key, value] of Object.entries(data)) {
      const segments = parsePath(key);
      if (segments.length === 0) continue;
      changed.add(String(segments[0]));
      let target = inst.self.data as Obj;
      for (let i = 0; i < segments.length - 1; i += 1) {
        const seg = segments[i] as string;
        const next = segments[i + 1];
        if (typeof target[seg] !== 'object' || target[seg] === null) target[seg] = typeof next === 'number' ? this.json.parse('[]') : this.json.parse('{}');
        target = target[seg] as Obj;
      }
      target[segments[segments.length - 1] as string] = value;
    }
    if (inst.kind === 'component') this.runObservers(inst as ComponentInstance, changed);
    if (typeof cb === 'function') this.addTimer(cb, 0, false, []);
  }

  private expand(node: WccNode | string, parent: ViewNode | null, owner: Instance, key = '0'): ViewNode {
    if (typeof node === 'string') return { tag: '#text', attr: {}, children: [], text: node, parent, owner };
    const tag = node.tag.replace(/^wx-/, '');
    const el: ViewNode = { tag, attr: node.attr ?? {}, children: [], text: '', parent, owner };
    const using = this.view.usingComponents(owner.file);
    const compFile = using.get(tag);
    if (compFile) {
      const comp = this.component(owner, `${key}:${tag}`, compFile, el.attr);
      const inner = this.view.render(compFile, comp.self.data);
      const host = comp.def.options?.virtualHost ? parent : el;
      const kids = (inner.children ?? []).map((c, i) => this.expand(c, host, comp, `${key}.${i}`));
      if (comp.def.options?.virtualHost) {
        // No host element: the component's nodes stand in its place (returned as a fragment).
        return { tag: '#fragment', attr: {}, children: kids, text: '', parent, owner };
      }
      el.children = kids;
      return el;
    }
    for (const [i, child] of (node.children ?? []).entries()) {
      const c = this.expand(child, el, owner, `${key}.${i}`);
      if (c.tag === '#fragment' || c.tag === 'virtual' || c.tag === 'block') {
        for (const g of c.children) {
          g.parent = el;
          el.children.push(g);
        }
      } else el.children.push(c);
    }
    return el;
  }

  private component(owner: Instance, key: string, file: string, attr: Obj): ComponentInstance {
    let comp = owner.components.get(key);
    if (comp && comp.file !== file) {
      this.detach(comp);
      comp = undefined;
    }
    if (!comp) {
      if (!this.componentDefs.has(file)) this.requireFile(`${file}.js`);
      const def = this.componentDefs.get(file);
      if (!def) throw new Error(`${file}.js did not call Component()`);
      const self = this.json.parse('{}') as Obj;
      const props = def.properties ?? {};
      const data = this.clone(def.data ?? {}) as Obj;
      for (const [name, spec] of Object.entries(props)) {
        const s = spec as { value?: unknown; type?: unknown } | Fn;
        data[name] = typeof s === 'function' ? defaultOf(s) : this.clone(s.value !== undefined ? s.value : defaultOf(s.type));
      }
      self.data = data;
      self.properties = data;
      for (const [name, fn] of Object.entries(def.methods ?? {})) self[name] = fn;
      comp = { kind: 'component', file, self, components: new Map(), def, propertyNames: Object.keys(props), ready: false, seen: true };
      const inst = comp;
      self.setData = (patch: Obj, cb?: Fn) => this.setData(inst, patch, cb);
      self.triggerEvent = () => undefined;
      self.createSelectorQuery = () => this.selectorQuery();
      self.selectComponent = () => null;
      self.is = file;
      owner.components.set(key, comp);
      this.lifetime(comp, 'created');
      this.updateProperties(comp, attr);
      this.lifetime(comp, 'attached');
      this.addTimer(() => {
        if (!inst.ready) {
          inst.ready = true;
          this.lifetime(inst, 'ready');
        }
      }, 0, false, []);
    } else this.updateProperties(comp, attr);
    comp.seen = true;
    return comp;
  }

  private updateProperties(comp: ComponentInstance, attr: Obj): void {
    const changed = new Set<string>();
    const data = comp.self.data as Obj;
    for (const name of comp.propertyNames) {
      if (!(name in attr)) continue;
      const spec = (comp.def.properties ?? {})[name] as { type?: unknown } | Fn;
      const value = this.clone(coerce(typeof spec === 'function' ? spec : spec.type, attr[name]));
      if (JSON.stringify(value) !== JSON.stringify(data[name])) {
        data[name] = value;
        changed.add(name);
      }
    }
    if (changed.size > 0) this.runObservers(comp, changed);
  }

  private runObservers(comp: ComponentInstance, changed: Set<string>): void {
    for (const [fields, fn] of Object.entries(comp.def.observers ?? {})) {
      const names = fields.split(',').map((f) => f.trim());
      if (!names.some((n) => changed.has(n.split('.')[0] as string) || n === '**')) continue;
      const data = comp.self.data as Obj;
      this.guard(`${comp.file} observer "${fields}"`, () => fn.apply(comp.self, names.map((n) => data[n])));
    }
  }

  private lifetime(comp: ComponentInstance, name: string): void {
    const fn = comp.def.lifetimes?.[name] ?? (comp.def[name] as Fn | undefined);
    if (typeof fn === 'function') this.guard(`${comp.file} ${name}`, () => fn.call(comp.self));
  }

  private detach(comp: ComponentInstance): void {
    for (const c of comp.components.values()) this.detach(c);
    this.lifetime(comp, 'detached');
  }

  private sweep(inst: Instance): void {
    for (const [key, c] of inst.components) {
      if (!c.seen) {
        this.detach(c);
        inst.components.delete(key);
      } else this.sweep(c);
    }
  }

  // ---------------------------------------------------------------- events

  private dispatch(target: ViewNode, type: string, detail: Obj): void {
    const dataset = (n: ViewNode): Obj => {
      const out: Obj = {};
      for (const [k, v] of Object.entries(n.attr)) if (k.startsWith('data-')) out[k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
      return out;
    };
    const info = (n: ViewNode): Obj => ({ id: str(n.attr.id), dataset: dataset(n), offsetLeft: 0, offsetTop: 0 });
    const touch = { identifier: 0, pageX: 10, pageY: 10, clientX: 10, clientY: 10 };
    for (let cur: ViewNode | null = target; cur; cur = cur.parent) {
      const bind = cur.attr[`bind${type}`] ?? cur.attr[`bind:${type}`];
      const catcher = cur.attr[`catch${type}`] ?? cur.attr[`catch:${type}`];
      const handler = catcher ?? bind;
      if (typeof handler === 'string' && handler) {
        const event = this.clone({
          type,
          timeStamp: Date.now() % 1_000_000,
          target: info(target),
          currentTarget: info(cur),
          detail,
          touches: type === 'touchend' || type === 'tap' ? [] : [touch],
          changedTouches: [touch],
          mark: {},
          mut: false,
        });
        const fn = cur.owner.self[handler];
        if (typeof fn !== 'function') this.errors.push(`${cur.owner.file} does not have a method "${handler}" to handle event "${type}"`);
        else this.guard(`${type} handler ${handler} of ${cur.owner.file}`, () => (fn as Fn).call(cur.owner.self, event));
      }
      if (catcher) break;
    }
  }

  // ---------------------------------------------------------------- wx

  private createWx(): Obj {
    const later = (fn: () => void): void => {
      this.addTimer(fn, 0, false, []);
    };
    /** WeChat's async API shape: callbacks with errMsg, or a promise when none is given. */
    const api = (name: string, run: (o: Obj) => Obj | Promise<Obj>) => (o: Obj = {}) => {
      const settle = (ok: boolean, res: Obj): void => {
        const fn = (ok ? o.success : o.fail) as Fn | undefined;
        const done = o.complete as Fn | undefined;
        const value = this.clone(res);
        later(() => {
          if (typeof fn === 'function') fn(value);
          if (typeof done === 'function') done(value);
        });
      };
      const wantsPromise = !o.success && !o.fail && !o.complete;
      const p = new this.VmPromise<unknown>((resolve, reject) => {
        Promise.resolve()
          .then(() => run(o))
          .then(
            (res) => {
              const out = { errMsg: `${name}:ok`, ...res };
              settle(true, out);
              resolve(this.clone(out));
            },
            (err: unknown) => {
              const e = err as { message?: string; errCode?: number; wx?: boolean };
              const message = e?.wx ? String(e.message) : `${name}:fail ${e?.message ?? String(err)}`;
              const out = { errMsg: message, ...(e?.errCode !== undefined ? { errCode: e.errCode } : {}) };
              settle(false, out);
              // WeChat rejects with its result object ({errMsg}), not an Error.
              // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
              reject(this.clone(out));
            },
          );
      });
      if (wantsPromise) return p;
      p.catch(() => undefined);
      return undefined;
    };
    const record = (list: string[]) => (text: string) => list.push(text);
    const device = {
      brand: 'iPhone', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 763,
      statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 12.5', platform: 'ios', SDKVersion: '3.8.9',
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 }, theme: 'light', fontSizeSetting: 16,
    };
    const notSimulated = (name: string) => api(name, () => Promise.reject(new Error('not available in the simulation')));
    const wx: Obj = {
      getSystemInfoSync: () => this.clone(device),
      getWindowInfo: () => this.clone(device),
      getDeviceInfo: () => this.clone(device),
      getAppBaseInfo: () => this.clone(device),
      getSystemInfo: api('getSystemInfo', () => device),
      getAccountInfoSync: () => this.clone({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } }),
      getLaunchOptionsSync: () => this.clone({ path: this.app.pages[0], query: {}, scene: 1001 }),
      getEnterOptionsSync: () => this.clone({ path: this.app.pages[0], query: {}, scene: 1001 }),
      canIUse: (schema: string) => typeof wx[String(schema).split('.')[0] as string] !== 'undefined',
      nextTick: (fn: Fn) => later(() => fn()),
      getStorageSync: (key: string) => {
        const v = this.storage.get(key);
        return v === undefined ? '' : (this.json.parse(v) as unknown);
      },
      setStorageSync: (key: string, value: unknown) => {
        this.storage.set(key, JSON.stringify(value));
      },
      removeStorageSync: (key: string) => {
        this.storage.delete(key);
      },
      clearStorageSync: () => this.storage.clear(),
      getStorage: api('getStorage', (o) => {
        const v = this.storage.get(String(o.key));
        if (v === undefined) throw Object.assign(new Error('getStorage:fail data not found'), { wx: true });
        return { data: JSON.parse(v) as unknown };
      }),
      setStorage: api('setStorage', (o) => {
        this.storage.set(String(o.key), JSON.stringify(o.data));
        return {};
      }),
      removeStorage: api('removeStorage', (o) => {
        this.storage.delete(String(o.key));
        return {};
      }),
      showToast: api('showToast', (o) => {
        record(this.toasts)(str(o.title));
        return {};
      }),
      hideToast: api('hideToast', () => ({})),
      showLoading: api('showLoading', () => ({})),
      hideLoading: api('hideLoading', () => ({})),
      showModal: api('showModal', (o) => {
        this.modals.push({ title: str(o.title), content: str(o.content) });
        return { confirm: this.modalAnswer === 'confirm', cancel: this.modalAnswer === 'cancel' };
      }),
      showActionSheet: api('showActionSheet', () => Promise.reject(Object.assign(new Error('showActionSheet:fail cancel'), { wx: true }))),
      setNavigationBarTitle: api('setNavigationBarTitle', (o) => {
        this.page.title = str(o.title);
        return {};
      }),
      setNavigationBarColor: api('setNavigationBarColor', () => ({})),
      pageScrollTo: api('pageScrollTo', () => ({})),
      stopPullDownRefresh: api('stopPullDownRefresh', () => ({})),
      hideShareMenu: api('hideShareMenu', () => ({})),
      showShareMenu: api('showShareMenu', () => ({})),
      setVisualEffectOnCapture: api('setVisualEffectOnCapture', () => ({})),
      enableAlertBeforeUnload: api('enableAlertBeforeUnload', () => ({})),
      disableAlertBeforeUnload: api('disableAlertBeforeUnload', () => ({})),
      makePhoneCall: api('makePhoneCall', () => ({})),
      setClipboardData: api('setClipboardData', () => ({})),
      vibrateShort: api('vibrateShort', () => ({})),
      requestSubscribeMessage: api('requestSubscribeMessage', (o) => {
        const out: Obj = {};
        for (const id of (o.tmplIds as string[] | undefined) ?? []) out[id] = 'reject';
        return out;
      }),
      exitMiniProgram: api('exitMiniProgram', () => ({})),
      navigateTo: api('navigateTo', (o) => {
        this.navigate('navigateTo', String(o.url));
        return { eventChannel: {} };
      }),
      redirectTo: api('redirectTo', (o) => {
        this.navigate('redirectTo', String(o.url));
        return {};
      }),
      switchTab: api('switchTab', (o) => {
        this.navigate('switchTab', String(o.url));
        return {};
      }),
      reLaunch: api('reLaunch', (o) => {
        this.navigate('reLaunch', String(o.url));
        return {};
      }),
      navigateBack: api('navigateBack', (o) => {
        this.navigateBack(Number(o.delta ?? 1));
        return {};
      }),
      createSelectorQuery: () => this.selectorQuery(),
      downloadFile: notSimulated('downloadFile'),
      openDocument: notSimulated('openDocument'),
      chooseMessageFile: notSimulated('chooseMessageFile'),
      saveImageToPhotosAlbum: notSimulated('saveImageToPhotosAlbum'),
      openSetting: notSimulated('openSetting'),
      canvasToTempFilePath: notSimulated('canvasToTempFilePath'),
      onAppShow: () => undefined,
      onAppHide: () => undefined,
      offAppShow: () => undefined,
      offAppHide: () => undefined,
      onError: () => undefined,
      onUnhandledRejection: () => undefined,
      onPageNotFound: () => undefined,
      env: this.clone({ USER_DATA_PATH: 'wxfile://usr' }),
      cloud: this.clone({}),
    };
    const cloud = wx.cloud as Obj;
    cloud.DYNAMIC_CURRENT_ENV = vm.runInContext('Symbol("DYNAMIC_CURRENT_ENV")', this.ctx);
    cloud.init = () => {
      this.cloudReady = true;
    };
    cloud.callFunction = api('cloud.callFunction', async (o) => {
      if (!this.cloudReady) throw new Error('please call wx.cloud.init first');
      const name = String(o.name);
      const data = JSON.parse(JSON.stringify(o.data ?? {})) as { action?: unknown; input?: unknown };
      this.pendingCalls += 1;
      try {
        const reply = await this.options.callFunction(name, data);
        const result = reply === undefined ? null : (JSON.parse(JSON.stringify(reply)) as unknown);
        const r = result as { ok?: boolean; error?: { code?: string } } | null;
        this.calls.push({ name, action: String(data.action), ok: r?.ok === true, ...(r?.ok === false ? { code: r.error?.code } : {}), input: data.input, reply: result });
        return { result, requestID: `sim-${this.calls.length}` };
      } catch (err) {
        this.calls.push({ name, action: String(data.action), ok: false, code: 'CALL_FAILED' });
        throw Object.assign(new Error(`-504002 functions execute fail: ${describe(err)}`), { errCode: -504002 });
      } finally {
        this.pendingCalls -= 1;
      }
    });
    return new Proxy(wx, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && !(key in target) && key !== 'webpackJsonp' && key !== 'then') this.unsupported.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  private selectorQuery(): Obj {
    // Layout is not simulated: every selection answers null, as for a node not (yet) rendered.
    const query: Obj = {};
    const chain = (): Obj => query;
    Object.assign(query, {
      in: chain,
      select: () => node,
      selectAll: () => node,
      selectViewport: () => node,
      exec: (cb?: Fn) => {
        if (typeof cb === 'function') this.addTimer(() => cb(this.vmArray([null])), 0, false, []);
        return query;
      },
    });
    const node: Obj = { boundingClientRect: chain, scrollOffset: chain, fields: chain, node: chain, context: chain };
    return query;
  }

  // ---------------------------------------------------------------- plumbing

  private addTimer(fn: Fn | string, delay: number, repeat: boolean, args: unknown[]): number {
    if (typeof fn !== 'function') throw new Error('setTimeout with a string is not supported in WeChat');
    const id = ++this.timerSeq;
    const run = (): void => {
      if (!repeat) this.timers.delete(id);
      if (this.closed) return;
      this.guard('timer', () => fn(...args));
    };
    const handle = repeat ? setInterval(run, delay) : setTimeout(run, delay);
    this.timers.set(id, { handle, delay, repeat });
    return id;
  }

  private clearTimer(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    clearTimeout(t.handle);
    this.timers.delete(id);
  }

  private pageHook(page: PageInstance, name: string, ...args: unknown[]): void {
    page.lifecycle.push(name);
    this.hook(page.self, name, ...args);
  }

  private hook(self: Obj, name: string, ...args: unknown[]): void {
    const fn = self[name];
    if (typeof fn === 'function') this.guard(`${name}`, () => (fn as Fn).apply(self, args));
  }

  private guard(where: string, fn: () => unknown): void {
    try {
      const out = fn();
      if (out instanceof this.VmPromise) out.catch((e: unknown) => this.errors.push(`${where}: ${describe(e)}`));
    } catch (e) {
      this.errors.push(`${where}: ${describe(e)}`);
    }
  }

  private clone<T>(value: T): T {
    return this.json.parse(JSON.stringify(value ?? null)) as T;
  }

  private vmArray(items: unknown[]): unknown[] {
    const arr = this.json.parse('[]') as unknown[];
    arr.push(...items);
    return arr;
  }
}

/** A property's default for its type (the types are the logic layer's own constructors: compared by name). */
function defaultOf(type: unknown): unknown {
  const name = typeof type === 'function' ? type.name : '';
  return ({ String: '', Number: 0, Boolean: false, Array: [], Object: null } as Obj)[name] ?? null;
}

function coerce(type: unknown, value: unknown): unknown {
  const name = typeof type === 'function' ? type.name : '';
  if (name === 'String') return str(value);
  if (name === 'Number') return Number(value) || 0;
  if (name === 'Boolean') return Boolean(value);
  return value;
}

function describe(value: unknown): string {
  // Errors of the logic layer's realm are no `instanceof Error` here.
  const stack = typeof value === 'object' && value !== null && 'stack' in value ? value.stack : undefined;
  if (typeof stack === 'string') return stack.split('\n').slice(0, 4).join(' | ');
  return str(value);
}

/** A value as text: strings as they are, nothing as '', anything else as JSON. */
function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return Object.prototype.toString.call(value);
  }
}
