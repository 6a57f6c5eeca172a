// The rules of CloudBase's document database that the functions rely on, one row each: the
// operation (through the real wx-server-sdk), what CloudBase answers, and where that is written.
// Where CloudBase runs the request on MongoDB, MongoDB's documented behaviour is the source.
import type { db } from '../../cloudfunctions/_lib/cloud';

type Doc = Record<string, unknown> & { _id: string };

/** What a row's operation needs: the SDK's database and a few readers over the test collection. */
export interface Sdk {
  /** The test collection (declared by the suite's setup). */
  c: () => Collection;
  db: Database;
  _: Database['command'];
  /** A document as the SDK reads it back, or null. */
  doc: (id: string) => Promise<Doc | null>;
  /** The ids of the documents a query returns, in order. */
  ids: (query: { get(): unknown }) => Promise<string[]>;
  /** How many documents a query or an aggregation returns. */
  size: (query: { get(): unknown } | { end(): unknown }) => Promise<number>;
}

type Database = typeof db;
type Collection = ReturnType<Database['collection']>;

/** One rule: the operation, its answer, its source. */
export interface Row {
  operation: string;
  expected: string;
  /** Documentation (WeChat / CloudBase), or MongoDB's where CloudBase defers to it. */
  source: string[];
  /** Documents of the test collection before the operation. */
  given?: Doc[];
  /** Performs the operation; may return a value or a promise of one (the SDK's typings are callback-shaped). */
  run: (sdk: Sdk) => unknown;
  /** What `run` resolves to, or the error the SDK rejects with (errMsg matched as a pattern). */
  outcome: { ok: unknown } | { error: { errCode: number | undefined; errMsg: RegExp } };
  /** Documents that must be left exactly as they were. */
  unchanged?: string[];
}

const WX = 'https://developers.weixin.qq.com';
const MONGO = 'https://www.mongodb.com/docs/manual/reference';
const SRC = {
  set: `${MONGO}/operator/update/set/`,
  nullParent: 'https://jira.mongodb.org/browse/SERVER-5143',
  inc: `${MONGO}/operator/update/inc/`,
  push: `${MONGO}/operator/update/push/`,
  commandSet: `${WX}/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.set.html`,
  docSet: `${WX}/miniprogram/dev/wxcloud/reference-sdk-api/database/document/Document.set.html`,
  immutableId: 'https://jira.mongodb.org/browse/SERVER-10161',
  duplicate: 'https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE',
  get: `${WX}/minigame/dev/wxcloud/reference-sdk-api/database/collection/Collection.get.md`,
  limit: `${WX}/minigame/dev/wxcloud/reference-sdk-api/database/collection/Collection.limit.html`,
  limitAnswer: `${WX}/community/develop/doc/0000a24f718e889a6b7b8fb2d5ac00`,
  count: `${WX}/miniprogram/dev/wxcloud/reference-sdk-api/database/collection/Collection.count.html`,
  aggregate20: `${WX}/community/develop/article/doc/000624c67c8b48611dba2b12058c13`,
  aggregate20Question: `${WX}/community/develop/doc/0006ee7caecd8020df7b559b451800`,
  sortOrder: 'https://mongodb.com/docs/rapid/reference/bson-type-comparison-order',
  dataType: `${WX}/minigame/dev/wxcloud/guide/database/data-type.html`,
  serverDate: `${WX}/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Database.serverDate.md`,
  undefinedWhere: `${WX}/community/develop/doc/000e28bc40cea80bc16a445d454400`,
  notExist: 'https://docs.cloudbase.net/en/error-code/basic/DATABASE_COLLECTION_NOT_EXIST',
  notExistMessage: 'https://github.com/Voyzz/Fruit-store-mp/issues/9',
  nullQuery: 'https://mongodb.com/docs/rapid/tutorial/query-for-null-fields',
  ne: 'https://www.mongodb.com/docs/rapid/reference/operator/query/ne/',
};

const REQUEST_FAILED = -502001;
const INVALID_PARAM = -501007;
const NOT_EXIST = -502005;
const refused = (errCode: number | undefined, errMsg: RegExp) => ({ error: { errCode, errMsg } });

const d = (iso: string) => new Date(iso);

export const ROWS: Row[] = [
  {
    operation: 'update() with a nested object onto a null field (the SDK sends a dotted $set)',
    expected: 'refused, -502001 "Cannot create field … in element {closeNote: null}"; the document is unchanged',
    source: [SRC.commandSet, SRC.set, SRC.nullParent],
    given: [{ _id: 'set-null', closeNote: null }],
    run: ({ c }) => c().doc('set-null').update({ data: { closeNote: { kid: 'k1' } } }),
    outcome: refused(REQUEST_FAILED, /Cannot create field 'kid' in element \{closeNote: null\}/),
    unchanged: ['set-null'],
  },
  {
    operation: 'update() with a dotted $set under a scalar field',
    expected: 'refused, -502001 "Cannot create field \'b\' in element {a: 5}"',
    source: [SRC.set, SRC.nullParent],
    given: [{ _id: 'set-scalar', a: 5 }],
    run: ({ c }) => c().doc('set-scalar').update({ data: { 'a.b': 1 } }),
    outcome: refused(REQUEST_FAILED, /Cannot create field 'b' in element \{a: 5\}/),
    unchanged: ['set-scalar'],
  },
  {
    operation: 'update() with a nested object onto a missing field',
    expected: 'the embedded document is created',
    source: [SRC.set],
    given: [{ _id: 'set-missing', n: 1 }],
    run: async ({ c, doc }) => {
      await c().doc('set-missing').update({ data: { reply: { text: 'ok', meta: { by: 'x' } } } });
      return doc('set-missing');
    },
    outcome: { ok: { _id: 'set-missing', n: 1, reply: { text: 'ok', meta: { by: 'x' } } } },
  },
  {
    operation: 'update() with _.set(object) onto a null field',
    expected: 'the whole object replaces the null',
    source: [SRC.commandSet, SRC.set],
    given: [{ _id: 'set-whole', closeNote: null, keep: 1 }],
    run: async ({ c, _, doc }) => {
      await c().doc('set-whole').update({ data: { closeNote: _.set({ kid: 'k1', data: 'x' }) } });
      return doc('set-whole');
    },
    outcome: { ok: { _id: 'set-whole', closeNote: { kid: 'k1', data: 'x' }, keep: 1 } },
  },
  {
    operation: 'update() with a nested object onto an object field',
    expected: 'merged field by field (other fields kept)',
    source: [SRC.commandSet],
    given: [{ _id: 'set-merge', style: { color: 'blue', size: 'small' } }],
    run: async ({ c, doc }) => {
      await c().doc('set-merge').update({ data: { style: { color: 'red' } } });
      return doc('set-merge');
    },
    outcome: { ok: { _id: 'set-merge', style: { color: 'red', size: 'small' } } },
  },
  {
    operation: '_.inc on a missing field',
    expected: 'the field is created with the amount',
    source: [SRC.inc],
    given: [{ _id: 'inc-missing' }],
    run: async ({ c, _, doc }) => {
      await c().doc('inc-missing').update({ data: { n: _.inc(3), 'towns.x.times': _.inc(1) } });
      return doc('inc-missing');
    },
    outcome: { ok: { _id: 'inc-missing', n: 3, towns: { x: { times: 1 } } } },
  },
  {
    operation: '_.inc on a null field',
    expected: 'refused, -502001 "Cannot apply $inc to a value of non-numeric type … null"',
    source: [SRC.inc],
    given: [{ _id: 'inc-null', n: null }],
    run: ({ c, _ }) => c().doc('inc-null').update({ data: { n: _.inc(1) } }),
    outcome: refused(REQUEST_FAILED, /Cannot apply \$inc to a value of non-numeric type\. \{_id: "inc-null"\} has the field 'n' of non-numeric type null/),
    unchanged: ['inc-null'],
  },
  {
    operation: '_.inc on a string field',
    expected: 'refused, -502001 "… of non-numeric type string"',
    source: [SRC.inc],
    given: [{ _id: 'inc-string', n: '5' }],
    run: ({ c, _ }) => c().doc('inc-string').update({ data: { n: _.inc(1) } }),
    outcome: refused(REQUEST_FAILED, /Cannot apply \$inc to a value of non-numeric type\. .* has the field 'n' of non-numeric type string/),
    unchanged: ['inc-string'],
  },
  {
    operation: '_.inc under a null parent (counter path into null)',
    expected: 'refused, -502001 "Cannot create field \'x\' in element {towns: null}"',
    source: [SRC.inc, SRC.nullParent],
    given: [{ _id: 'inc-null-parent', towns: null }],
    run: ({ c, _ }) => c().doc('inc-null-parent').update({ data: { 'towns.x': _.inc(1) } }),
    outcome: refused(REQUEST_FAILED, /Cannot create field 'x' in element \{towns: null\}/),
    unchanged: ['inc-null-parent'],
  },
  {
    operation: '_.inc with a non-numeric amount',
    expected: 'refused, -502001 "Cannot increment with non-numeric argument"',
    source: [SRC.inc],
    given: [{ _id: 'inc-arg', n: 1 }],
    // A string amount, as untyped code could send.
    run: ({ c, _ }) => c().doc('inc-arg').update({ data: { n: _.inc('1' as unknown as number) } }),
    outcome: refused(REQUEST_FAILED, /Cannot increment with non-numeric argument: \{n: "1"\}/),
    unchanged: ['inc-arg'],
  },
  {
    operation: '_.push on a non-array field',
    expected: 'refused, -502001 "The field \'tags\' must be an array but is of type string"',
    source: [SRC.push],
    given: [{ _id: 'push-string', tags: 'a' }],
    run: ({ c, _ }) => c().doc('push-string').update({ data: { tags: _.push(['b']) } }),
    outcome: refused(REQUEST_FAILED, /The field 'tags' must be an array but is of type string in document \{_id: "push-string"\}/),
    unchanged: ['push-string'],
  },
  {
    operation: '_.push on a null field',
    expected: 'refused, -502001 "… must be an array but is of type null"',
    source: [SRC.push],
    given: [{ _id: 'push-null', tags: null }],
    run: ({ c, _ }) => c().doc('push-null').update({ data: { tags: _.push(['b']) } }),
    outcome: refused(REQUEST_FAILED, /The field 'tags' must be an array but is of type null/),
    unchanged: ['push-null'],
  },
  {
    operation: '_.push on a missing field',
    expected: 'the array is created with the values',
    source: [SRC.push],
    given: [{ _id: 'push-missing' }],
    run: async ({ c, _, doc }) => {
      await c().doc('push-missing').update({ data: { tags: _.push(['a', 'b']) } });
      return doc('push-missing');
    },
    outcome: { ok: { _id: 'push-missing', tags: ['a', 'b'] } },
  },
  {
    operation: 'update() changing a field and a field inside it at once',
    expected: 'refused, -502001 "Updating the path \'n.x\' would create a conflict at \'n\'"',
    source: [SRC.set],
    given: [{ _id: 'conflict', n: 1 }],
    run: ({ c, _ }) => c().doc('conflict').update({ data: { n: _.inc(1), 'n.x': 1 } }),
    outcome: refused(REQUEST_FAILED, /Updating the path 'n\.x' would create a conflict at 'n'/),
    unchanged: ['conflict'],
  },
  {
    operation: 'set() with _id in the data',
    expected: 'refused by the SDK before sending, -501007 "不能更新_id的值"',
    source: [SRC.docSet, SRC.immutableId],
    given: [{ _id: 'set-id', n: 1 }],
    run: ({ c }) => c().doc('set-id').set({ data: { _id: 'set-id', n: 2 } }),
    outcome: refused(INVALID_PARAM, /不能更新_id的值/),
    unchanged: ['set-id'],
  },
  {
    operation: 'set() of an existing document',
    expected: 'the document is replaced whole (old fields gone)',
    source: [SRC.docSet],
    given: [{ _id: 'set-replace', old: 1, nested: { a: 1 } }],
    run: async ({ c, doc }) => {
      await c().doc('set-replace').set({ data: { only: true } });
      return doc('set-replace');
    },
    outcome: { ok: { _id: 'set-replace', only: true } },
  },
  {
    operation: 'add() with an _id that exists',
    expected: 'refused, -502001 duplicate key; the existing document is unchanged',
    source: [SRC.duplicate],
    given: [{ _id: 'dup', n: 1 }],
    run: ({ c }) => c().add({ data: { _id: 'dup', n: 2 } }),
    outcome: refused(REQUEST_FAILED, /duplicate key/),
    unchanged: ['dup'],
  },
  {
    operation: 'get() without limit over 1100 matching documents',
    expected: '100 documents',
    source: [SRC.get, SRC.limitAnswer],
    run: ({ c, size }) => size(c().where({ kind: 'bulk' })),
    outcome: { ok: 100 },
  },
  {
    operation: 'get() with limit(5000) over 1100 matching documents',
    expected: '1000 documents (the maximum)',
    source: [SRC.limit, SRC.limitAnswer],
    run: ({ c, size }) => size(c().where({ kind: 'bulk' }).limit(5000)),
    outcome: { ok: 1000 },
  },
  {
    operation: 'count() over 1100 matching documents',
    expected: 'total 1100 (no limit applies)',
    source: [SRC.count],
    run: async ({ c }) => ((await (c().where({ kind: 'bulk' }).count() as Promise<{ total: number }>)).total),
    outcome: { ok: 1100 },
  },
  {
    operation: 'aggregate() without limit over 30 groups',
    expected: '20 groups',
    source: [SRC.aggregate20, SRC.aggregate20Question],
    run: ({ c, db, size }) => size(c().aggregate().match({ kind: 'agg' }).group({ _id: '$g', n: db.command.aggregate.sum(1) })),
    outcome: { ok: 20 },
  },
  {
    operation: 'aggregate() with limit(100) over 30 groups',
    expected: 'all 30 groups',
    source: [SRC.aggregate20],
    run: ({ c, db, size }) => size(c().aggregate().match({ kind: 'agg' }).group({ _id: '$g', n: db.command.aggregate.sum(1) }).limit(100)),
    outcome: { ok: 30 },
  },
  {
    operation: 'orderBy(field, "asc") where some documents lack the field',
    expected: 'the documents without it first, then ascending',
    source: [SRC.sortOrder],
    given: [
      { _id: 'ord-2', kind: 'ord', n: 2 },
      { _id: 'ord-missing', kind: 'ord' },
      { _id: 'ord-10', kind: 'ord', n: 10 },
      { _id: 'ord-1', kind: 'ord', n: 1 },
    ],
    run: ({ c, ids }) => ids(c().where({ kind: 'ord' }).orderBy('n', 'asc').limit(10)),
    outcome: { ok: ['ord-missing', 'ord-1', 'ord-2', 'ord-10'] },
  },
  {
    operation: 'orderBy(field, "desc") where some documents lack the field',
    expected: 'descending, then the documents without it',
    source: [SRC.sortOrder],
    run: ({ c, ids }) => ids(c().where({ kind: 'ord' }).orderBy('n', 'desc').limit(10)),
    outcome: { ok: ['ord-10', 'ord-2', 'ord-1', 'ord-missing'] },
  },
  {
    operation: 'orderBy over values of different types (number, string, date)',
    expected: 'numbers, then strings, then dates (BSON comparison order)',
    source: [SRC.sortOrder],
    given: [
      { _id: 'mix-date', kind: 'mix', v: d('2026-01-01T00:00:00Z') },
      { _id: 'mix-string', kind: 'mix', v: 'a' },
      { _id: 'mix-number', kind: 'mix', v: 5 },
    ],
    run: ({ c, ids }) => ids(c().where({ kind: 'mix' }).orderBy('v', 'asc').limit(10)),
    outcome: { ok: ['mix-number', 'mix-string', 'mix-date'] },
  },
  {
    operation: 'add() a Date, then read the document back',
    expected: 'the same instant, as a Date',
    source: [SRC.dataType],
    run: async ({ c, doc }) => {
      await c().add({ data: { _id: 'date-trip', at: d('2026-03-04T05:06:07.089Z') } });
      const back = await doc('date-trip');
      return { isDate: back?.at instanceof Date, iso: (back?.at as Date).toISOString() };
    },
    outcome: { ok: { isDate: true, iso: '2026-03-04T05:06:07.089Z' } },
  },
  {
    operation: 'where({at: _.gt(date)}) and _.lte(date) over Date fields',
    expected: 'compared as instants',
    source: [SRC.dataType],
    given: [
      { _id: 'dt-1', kind: 'dt', at: d('2026-01-01T00:00:00Z') },
      { _id: 'dt-2', kind: 'dt', at: d('2026-01-02T00:00:00Z') },
      { _id: 'dt-3', kind: 'dt', at: d('2026-01-03T00:00:00Z') },
    ],
    run: async ({ c, _, ids }) => [
      await ids(c().where({ kind: 'dt', at: _.gt(d('2026-01-01T12:00:00Z')) }).orderBy('at', 'asc').limit(10)),
      await ids(c().where({ kind: 'dt', at: _.lte(d('2026-01-02T00:00:00Z')) }).orderBy('at', 'asc').limit(10)),
    ],
    outcome: { ok: [['dt-2', 'dt-3'], ['dt-1', 'dt-2']] },
  },
  {
    operation: 'where({at: date}) equality on a Date field',
    expected: 'matches the same instant only',
    source: [SRC.dataType],
    run: ({ c, ids }) => ids(c().where({ kind: 'dt', at: d('2026-01-02T00:00:00Z') }).limit(10)),
    outcome: { ok: ['dt-2'] },
  },
  {
    operation: 'add() with db.serverDate()',
    expected: "a Date of the server's clock at write time",
    source: [SRC.serverDate, SRC.dataType],
    run: async ({ c, db, doc }) => {
      const before = Date.now();
      await c().add({ data: { _id: 'server-date', at: db.serverDate() } });
      const at = (await doc('server-date'))?.at;
      return at instanceof Date && at.getTime() >= before && at.getTime() <= Date.now();
    },
    outcome: { ok: true },
  },
  {
    operation: 'where() with one condition undefined and another set',
    expected: 'the undefined condition is dropped: matches on the others',
    source: [SRC.undefinedWhere],
    given: [
      { _id: 'undef-1', kind: 'undef', n: 1 },
      { _id: 'undef-2', kind: 'undef', n: 2 },
    ],
    run: ({ c, ids }) => ids(c().where({ kind: 'undef', n: undefined }).orderBy('n', 'asc').limit(10)),
    outcome: { ok: ['undef-1', 'undef-2'] },
  },
  {
    operation: 'where() with every condition undefined',
    expected: 'refused by the SDK before sending: "查询参数对象值不能均为undefined"',
    source: [SRC.undefinedWhere],
    run: async ({ c }) => c().where({ n: undefined }).get(),
    outcome: refused(undefined, /查询参数对象值不能均为undefined/),
  },
  {
    operation: 'where({n: null})',
    expected: 'matches documents holding null and documents without the field',
    source: [SRC.nullQuery],
    given: [
      { _id: 'nul-null', kind: 'nul', n: null },
      { _id: 'nul-missing', kind: 'nul' },
      { _id: 'nul-one', kind: 'nul', n: 1 },
    ],
    run: ({ c, ids }) => ids(c().where({ kind: 'nul', n: null }).orderBy('_id', 'asc').limit(10)),
    outcome: { ok: ['nul-missing', 'nul-null'] },
  },
  {
    operation: 'where({n: _.neq(1)})',
    expected: 'includes documents without the field',
    source: [SRC.ne],
    run: ({ c, _, ids }) => ids(c().where({ kind: 'nul', n: _.neq(1) }).orderBy('_id', 'asc').limit(10)),
    outcome: { ok: ['nul-missing', 'nul-null'] },
  },
  {
    operation: 'where({n: _.in([null, 1])})',
    expected: 'null in the list matches null and missing too',
    source: [SRC.nullQuery],
    run: ({ c, _, ids }) => ids(c().where({ kind: 'nul', n: _.in([null, 1]) }).orderBy('_id', 'asc').limit(10)),
    outcome: { ok: ['nul-missing', 'nul-null', 'nul-one'] },
  },
  {
    operation: 'add() into a collection not declared in cloudbase/database.json',
    expected: 'refused, -502005 "[ResourceNotFound] Db or Table not exist …"',
    source: [SRC.notExist, SRC.notExistMessage],
    run: ({ db }) => db.collection('not_declared').add({ data: { a: 1 } }),
    outcome: refused(NOT_EXIST, /\[ResourceNotFound\] Db or Table not exist\. Please check your request/),
  },
  {
    operation: 'get() from a collection not declared in cloudbase/database.json',
    expected: 'refused, -502005',
    source: [SRC.notExist],
    run: ({ db }) => db.collection('not_declared').where({ a: 1 }).limit(1).get(),
    outcome: refused(NOT_EXIST, /Db or Table not exist/),
  },
  {
    operation: "add() into the local host's own collection of subscription grants (not declared)",
    expected: 'refused, -502005, as on CloudBase where it does not exist',
    source: [SRC.notExist],
    run: ({ db }) => db.collection('subscriptions').add({ data: { _id: 'probe', remaining: 1 } }),
    outcome: refused(NOT_EXIST, /Db or Table not exist/),
  },
  {
    operation: 'add() into a collection declared in cloudbase/database.json (the host created it)',
    expected: 'the document is stored',
    source: [SRC.notExist],
    run: async ({ db }) => {
      await db.collection('inbox').add({ data: { _id: 'declared-probe', openid: 'x' } });
      return ((await (db.collection('inbox').doc('declared-probe').get() as Promise<{ data: Doc | null }>)).data)?._id;
    },
    outcome: { ok: 'declared-probe' },
  },
];
