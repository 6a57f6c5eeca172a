import { installNativeEjson, parseEjson, stringifyEjson, stringifyEjsonNative } from '../../../server/store/ejson';

// The writer thread's codec: the engine's native JSON writer with Dates and RegExps taught to write
// extended JSON. It must write exactly what the reference codec writes, for every kind of value.
describe('the writer thread codec', () => {
  beforeAll(() => installNativeEjson());

  const docs: Array<Record<string, unknown>> = [
    { _id: 'a', n: 1, s: 'text "quoted" \u2028 中文', b: true, z: null, arr: [1, 'x', null, [2, 3]] },
    { _id: 'd', at: new Date('2026-11-29T01:02:03.456Z'), nested: { when: [new Date(0), { deep: new Date(86_400_000) }] } },
    { _id: 'bad-date', at: new Date(Number.NaN) },
    { _id: 're', pattern: /^张.*$/giu },
    { _id: 'nf', nan: Number.NaN, inf: Infinity, minus: -Infinity, list: [1, Number.NaN], deep: { x: Infinity } },
    { _id: 'neg-zero', v: -0, big: 1e308, small: 5e-324 },
    { _id: 'empty', o: {}, a: [] },
  ];

  it.each(docs.map((d) => [d._id, d] as const))('writes %s exactly as the reference codec', (_id, doc) => {
    expect(stringifyEjsonNative(doc)).toBe(stringifyEjson(doc));
  });

  it('reads back what it writes', () => {
    const doc = docs[1] as Record<string, unknown>;
    expect(parseEjson(stringifyEjsonNative(doc), 0)).toEqual(doc);
  });
});
