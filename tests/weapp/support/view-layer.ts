import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * The view layer of the simulated mini-program: every WXML file of dist/weapp compiled by WeChat's
 * own template compiler `wcc` (npm `miniprogram-compiler`, the binary DevTools ships) into its render
 * functions. Rendering a page or component runs the function wcc generated on the instance's data:
 * templates, `wx:for`, `wx:if`, WXS modules (Taro's utils.wxs) all evaluate as in WeChat. The result
 * is wcc's virtual tree; custom components in it are expanded by the caller (logic-layer.ts).
 *
 * Its functions run in their own context with a `window`, as the real view layer is a WebView.
 */

interface Compiler {
  wxmlToJs(root: string, options?: { maxBuffer?: number }): string;
}
const compiler = require('miniprogram-compiler') as Compiler;

/** A node as wcc's render function returns it; text nodes are plain strings. */
export interface WccNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: Array<WccNode | string>;
}

type RenderFn = (data: unknown, dd: unknown, global: unknown) => WccNode;
type Gwx = (path: string) => RenderFn | undefined;

export class ViewLayer {
  private readonly gwx: Gwx;
  /** What the templates' render functions logged: wcc warns on a missing template or a runaway tree. */
  readonly warnings: string[] = [];
  private readonly renders = new Map<string, RenderFn>();
  private readonly json: JSON;

  constructor(readonly dir: string) {
    const code = compiler.wxmlToJs(dir, { maxBuffer: 64 * 1024 * 1024 });
    const note = (...args: unknown[]): void => {
      this.warnings.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
    const sandbox = vm.createContext({ window: {}, console: { log: note, warn: note, error: note, info: note } });
    this.json = vm.runInContext('JSON', sandbox) as JSON;
    this.gwx = vm.runInContext(`(function (global) {\n${code}\n})({})`, sandbox, { filename: 'wcc-output.js' }) as Gwx;
  }

  /**
   * Renders `file` (a path under dist/weapp without extension, e.g. `pages/learn/index`) with `data`.
   * The data crosses to the view layer as JSON, as WeChat sends it (wcc's runtime also needs objects
   * of its own realm: WXS functions receive copies made by constructor checks).
   */
  render(file: string, data: unknown): WccNode {
    let fn = this.renders.get(file);
    if (!fn) {
      fn = this.gwx(`${file}.wxml`);
      if (typeof fn !== 'function') throw new Error(`wcc compiled no template for ${file}.wxml`);
      this.renders.set(file, fn);
    }
    return fn(this.json.parse(JSON.stringify(data)), {}, {});
  }

  /** The component definitions a page or component uses (its .json `usingComponents`), by tag. */
  usingComponents(file: string): Map<string, string> {
    const json = path.join(this.dir, `${file}.json`);
    const out = new Map<string, string>();
    if (!fs.existsSync(json)) return out;
    const using = (JSON.parse(fs.readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    for (const [tag, ref] of Object.entries(using)) {
      const target = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(file), ref);
      out.set(tag, path.posix.normalize(target));
    }
    return out;
  }
}
