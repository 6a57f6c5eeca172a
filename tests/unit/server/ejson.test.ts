import { EJSON } from 'bson';
import { parseEjson, stringifyEjson } from '../../../server/store/ejson';

describe('the fast extended-JSON codec', () => {
  it('reads what the SDK writes: canonical numbers, dates, regexes and server dates', () => {
    const text = EJSON.stringify({ a: 1, b: 2.5, big: 2 ** 40, d: new Date('2026-01-02T03:04:05Z'), nested: { list: [1, { x: 2 }] } }, { relaxed: false });
    expect(parseEjson(text, 0)).toEqual({ a: 1, b: 2.5, big: 2 ** 40, d: new Date('2026-01-02T03:04:05Z'), nested: { list: [1, { x: 2 }] } });
    const rx = parseEjson('{"s":{"$regularExpression":{"pattern":"^ab","options":"i"}}}', 0) as { s: RegExp };
    expect(rx.s.test('ABc')).toBe(true);
    expect(parseEjson('{"t":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}}}', 5000)).toEqual({ t: new Date(6000) });
  });

  it('writes what the SDK reads back with bson’s EJSON.parse', () => {
    const doc = { _id: 'x', n: 3, f: 0.5, d: new Date('2026-01-02T03:04:05Z'), s: '引号 "and" \\ back', arr: [new Date(0), null] };
    expect(EJSON.parse(stringifyEjson(doc), { relaxed: true })).toEqual(doc);
  });

  it('round-trips stored documents, including old bodies written by bson', () => {
    const doc = { _id: 'y', at: new Date('2030-05-06T07:08:09.123Z'), towns: { a: { times: 2 } } };
    expect(parseEjson(stringifyEjson(doc), 0)).toEqual(doc);
    expect(parseEjson(EJSON.stringify(doc, { relaxed: true }), 0)).toEqual(doc);
  });

  it('keeps different regexes apart when used as cache keys', () => {
    expect(stringifyEjson({ s: /a/i })).not.toBe(stringifyEjson({ s: /b/i }));
  });
});

describe('parseEjson on hostile keys', () => {
  it('keeps an own "__proto__" key an own property and never changes a prototype', () => {
    const out = parseEjson('{"__proto__": {"$date": "2026-01-01T00:00:00.000Z"}, "a": {"__proto__": {"x": 1}}}', 0) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual(new Date('2026-01-01T00:00:00.000Z'));
    expect(Object.getPrototypeOf(out.a)).toBe(Object.prototype);
  });

  it('revives wrappers nested in wrappers, children first (canonical dates)', () => {
    const out = parseEjson('{"d": {"$date": {"$numberLong": "1767225600000"}}, "n": [{"$numberDouble": "NaN"}, {"$numberInt": "7"}]}', 0) as { d: Date; n: number[] };
    expect(out.d).toEqual(new Date(1767225600000));
    expect(Number.isNaN(out.n[0])).toBe(true);
    expect(out.n[1]).toBe(7);
  });
});
