/** A stored document: a plain object with an `_id`, values as JSON plus Date. */
export type Doc = Record<string, unknown> & { _id: string };

/** A declared index: its name and its fields with direction, as in cloudbase/database.json. */
export interface IndexDecl {
  name: string;
  fields: Array<[string, 1 | -1]>;
}

/** A document with the version it had when read, for optimistic transactions. */
export interface Versioned {
  doc: Doc;
  ver: number;
}

/** One write of an atomic batch: `doc: null` removes. */
export interface Write {
  coll: string;
  id: string;
  doc: Doc | null;
}

/**
 * Where documents live. It answers `_id` and declared-index equality without scanning; the engine
 * evaluates everything else on the candidates it returns.
 */
export interface Store {
  hasCollection(name: string): boolean;
  createCollection(name: string, indexes: IndexDecl[]): void;
  listCollections(): string[];
  get(coll: string, id: string): Versioned | undefined;
  /** Documents that may match `query` (a superset), read without scanning when an index allows. */
  candidates(coll: string, query: Record<string, unknown>): Doc[];
  /**
   * Applies every write or none. The writes are visible at once; the promise resolves when they are
   * durable (writes of the same moment share one fsync).
   */
  commit(writes: Write[]): Promise<void>;
  /** As commit, durable before it returns (migrations, seeding, tests). */
  commitSync(writes: Write[]): void;
  close(): void;
}
