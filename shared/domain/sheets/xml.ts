/** Attributes of an element, by local name (a namespace prefix such as `r:` is dropped). */
export type Attrs = Record<string, string>;

/** What a reader of an XML part listens to; names are local names. Text comes decoded. */
export interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** The XML is not something we read (malformed, or a construct no spreadsheet part has). */
export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Bounded repetitions only: one pass, linear in the text.
const ENTITY_RE = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;

/** Decodes the five XML entities and character references. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return ENTITIES[e] ?? '';
    const code = e.charCodeAt(1) === 120 ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    if (code > 0x10ffff) throw new XmlError('character reference out of range');
    return String.fromCodePoint(code);
  });
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

const NO_ATTRS: Attrs = Object.freeze({});

function parseAttrs(xml: string, from: number, to: number): Attrs {
  if (from >= to) return NO_ATTRS;
  const attrs: Attrs = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(xml.charCodeAt(i))) i += 1;
    if (i >= to) break;
    let eq = i;
    while (eq < to && xml.charCodeAt(eq) !== 61 /* = */) eq += 1;
    if (eq >= to) throw new XmlError('attribute without a value');
    const name = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && isSpace(xml.charCodeAt(q))) q += 1;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") throw new XmlError('unquoted attribute');
    // tagEnd matched the quotes: the closing one is before `to`.
    const end = xml.indexOf(quote, q + 1);
    if (end < 0 || end >= to) throw new XmlError('unterminated attribute');
    attrs[localName(name)] = decodeXml(xml.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** The index of the `>` that ends the tag starting at `from`, skipping `>` inside quoted values. */
function tagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(xml[i] as string, i + 1);
      if (close < 0) throw new XmlError('unterminated attribute');
      i = close;
    } else if (c === 60 /* < */) throw new XmlError('unterminated tag');
  }
  throw new XmlError('unterminated tag');
}

/**
 * Walks an XML document once, left to right, calling the handler for each tag and text run.
 * Linear in the input: every search moves forward, no backtracking pattern. Tags must nest and
 * close (a part cut short is refused); a DOCTYPE is refused, so no entity expansion.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  const open: string[] = [];
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) handler.text(decodeXml(xml.slice(i, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('unterminated CDATA');
        handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else throw new XmlError('DOCTYPE or other declarations are not allowed');
    } else if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError('unterminated closing tag');
      const name = xml.slice(lt + 2, end).trim();
      if (open.pop() !== name) throw new XmlError(`unexpected closing tag ${name.slice(0, 40)}`);
      handler.close(localName(name));
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      const selfClosing = xml.charCodeAt(end - 1) === 47;
      const inner = selfClosing ? end - 1 : end;
      let nameEnd = lt + 1;
      while (nameEnd < inner && !isSpace(xml.charCodeAt(nameEnd))) nameEnd += 1;
      if (nameEnd === lt + 1) throw new XmlError('tag without a name');
      const qname = xml.slice(lt + 1, nameEnd);
      const name = localName(qname);
      handler.open(name, parseAttrs(xml, nameEnd, inner), selfClosing);
      if (selfClosing) handler.close(name);
      else open.push(qname);
      i = end + 1;
    }
  }
  // A part cut short (or with tags left open) is damaged, whatever was read before the cut.
  if (open.length > 0) throw new XmlError(`unclosed tag ${(open[open.length - 1] as string).slice(0, 40)}`);
}
