import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';

/**
 * The syntax level of the mini-program's JavaScript. On iOS, WeChat runs the logic layer on the
 * system JavaScriptCore; project.config.json leaves the upload-time `es6` transform off, so what is in
 * dist/weapp is what runs there. Every file must parse as an ES2019 script (no `?.`, `??`, `??=`,
 * class fields, numeric separators…), and no regular expression literal may use lookbehind, which
 * JavaScriptCore rejects as a SyntaxError before iOS 16.4 although it is ES2018.
 */
export const WEAPP_ECMA_VERSION = 2019;

export interface SyntaxProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  near: string;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFiles(p));
    else if (entry.name.endsWith('.js')) out.push(p);
  }
  return out.sort();
}

function near(code: string, pos: number): string {
  return code.slice(Math.max(0, pos - 40), pos + 40).replace(/\s+/g, ' ');
}

/** Problems in one file's code (`file` only names it). */
export function checkCode(file: string, code: string): SyntaxProblem[] {
  let ast: acorn.Program;
  try {
    ast = acorn.parse(code, { ecmaVersion: WEAPP_ECMA_VERSION, sourceType: 'script', locations: true });
  } catch (err) {
    const e = err as SyntaxError & { pos?: number; loc?: { line: number; column: number } };
    return [{ file, line: e.loc?.line ?? 0, column: e.loc?.column ?? 0, message: e.message, near: near(code, e.pos ?? 0) }];
  }
  const problems: SyntaxProblem[] = [];
  walk.simple(ast, {
    Literal(node) {
      const regex = (node as acorn.Literal & { regex?: { pattern: string } }).regex;
      if (regex && /\(\?<[=!]/.test(regex.pattern)) {
        problems.push({ file, line: node.loc?.start.line ?? 0, column: node.loc?.start.column ?? 0, message: 'regular expression lookbehind', near: near(code, node.start) });
      }
    },
  });
  return problems;
}

/** Problems in every .js file under `dir`, paths relative to it. */
export function checkDir(dir: string): { files: number; problems: SyntaxProblem[] } {
  const files = jsFiles(dir);
  const problems = files.flatMap((f) => checkCode(path.relative(dir, f), fs.readFileSync(f, 'utf8')));
  return { files: files.length, problems };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist/weapp');
  const { files, problems } = checkDir(dir);
  for (const p of problems) console.log(`${p.file}:${p.line}:${p.column} ${p.message}  …${p.near}…`);
  console.log(`${files} files, ${problems.length} problems (ES${WEAPP_ECMA_VERSION} script, no regex lookbehind)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
