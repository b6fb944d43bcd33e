/**
 * Durable document storage in SQLite: one table per collection holding each document as its
 * canonical EJSON text, plus expression indexes on json_extract of the manifest's index fields.
 * WAL with synchronous=FULL: a write is fsynced before it is acknowledged, so it survives SIGKILL
 * (and power loss). All calls are synchronous, which makes each request's write atomic within
 * the one Node process.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CollectionSpec } from '../project/database-manifest';
import { CloudError, DB_ERROR, collectionNotExist, invalidParam } from './errors';
import { jsonExtract, quoteIdent } from './sql-paths';

export type DocId = string | number;

export interface StoredRow {
  id: DocId;
  text: string;
}

export interface SqlFilter {
  sql: string;
  params: unknown[];
}

export interface IndexInfo {
  name: string;
  paths: string[];
  unique: boolean;
}

export interface CollectionInfo {
  name: string;
  indexes: IndexInfo[];
  /** Indexes whose field held an array somewhere: equality there means "contains", so the
   * json_extract preselect would miss matches and must not be used. */
  multikey: Set<string>;
}

export type Write =
  | { mode: 'insert'; coll: string; id: DocId; text: string }
  | { mode: 'upsert'; coll: string; id: DocId; text: string }
  | { mode: 'delete'; coll: string; id: DocId };

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const FILE_NAME = 'database.sqlite';

export class Store {
  private db: Database.Database;
  private readonly collections = new Map<string, CollectionInfo>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    dataDir: string,
    private readonly specs: Record<string, CollectionSpec>,
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, FILE_NAME));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS _multikey (coll TEXT NOT NULL, idx TEXT NOT NULL, PRIMARY KEY (coll, idx));`);
    this.load();
  }

  collection(name: unknown): CollectionInfo {
    if (typeof name !== 'string' || !NAME_PATTERN.test(name))
      throw invalidParam(`invalid collection name: ${String(name)}`);
    const info = this.collections.get(name);
    if (!info) throw collectionNotExist(name);
    return info;
  }

  createCollection(name: unknown): void {
    if (typeof name !== 'string' || !NAME_PATTERN.test(name))
      throw invalidParam(`invalid collection name: ${String(name)}`);
    if (this.collections.has(name))
      throw new CloudError(DB_ERROR.COLLECTION_ALREADY_EXIST, `collection already exists: ${name}`);
    const table = tableName(name);
    this.db.transaction(() => {
      this.db.exec(`CREATE TABLE ${table} (seq INTEGER PRIMARY KEY, id NOT NULL UNIQUE, doc TEXT NOT NULL)`);
      this.createIndexes(name);
      this.db.prepare('INSERT INTO _collections (name) VALUES (?)').run(name);
    })();
    this.collections.set(name, { name, indexes: indexesOf(this.specs[name]), multikey: new Set() });
  }

  getById(coll: string, id: DocId): string | undefined {
    const row = this.statement(`SELECT doc FROM ${tableName(coll)} WHERE id = ?`).get(id) as
      | { doc: string }
      | undefined;
    return row?.doc;
  }

  /** Rows in insertion order, optionally preselected by an indexed filter. */
  select(coll: string, filter: SqlFilter | null): StoredRow[] {
    const where = filter ? ` WHERE ${filter.sql}` : '';
    const rows = this.statement(`SELECT id, doc FROM ${tableName(coll)}${where} ORDER BY seq`).all(
      ...(filter?.params ?? []),
    ) as { id: DocId; doc: string }[];
    return rows.map((row) => ({ id: row.id, text: row.doc }));
  }

  /** Applies writes atomically; a duplicate _id or unique key fails the whole batch. */
  apply(writes: Write[]): void {
    if (writes.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const write of writes) {
          const table = tableName(write.coll);
          if (write.mode === 'delete') this.statement(`DELETE FROM ${table} WHERE id = ?`).run(write.id);
          else if (write.mode === 'insert')
            this.statement(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`).run(write.id, write.text);
          else
            this.statement(
              `INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
            ).run(write.id, write.text);
        }
      })();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new CloudError(
          DB_ERROR.DUPLICATE_WRITE,
          `[FailedOperation] E11000 duplicate key error: ${(err as Error).message}`,
        );
      }
      throw err;
    }
  }

  markMultikey(info: CollectionInfo, indexName: string): void {
    if (info.multikey.has(indexName)) return;
    this.db.prepare('INSERT OR IGNORE INTO _multikey (coll, idx) VALUES (?, ?)').run(info.name, indexName);
    info.multikey.add(indexName);
  }

  reset(): void {
    this.statements.clear();
    this.db.transaction(() => {
      for (const name of this.collections.keys()) this.db.exec(`DROP TABLE ${tableName(name)}`);
      this.db.exec('DELETE FROM _collections; DELETE FROM _multikey;');
    })();
    this.collections.clear();
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private load(): void {
    const names = this.db.prepare('SELECT name FROM _collections').all() as { name: string }[];
    for (const { name } of names) {
      // An index added to the manifest since the file was created is built now.
      this.createIndexes(name);
      this.collections.set(name, { name, indexes: indexesOf(this.specs[name]), multikey: new Set() });
    }
    const marks = this.db.prepare('SELECT coll, idx FROM _multikey').all() as { coll: string; idx: string }[];
    for (const { coll, idx } of marks) this.collections.get(coll)?.multikey.add(idx);
  }

  private createIndexes(name: string): void {
    for (const index of indexesOf(this.specs[name])) {
      const columns = index.paths.map(jsonExtract).join(', ');
      const indexName = quoteIdent(`ix_${name}_${index.name}`);
      this.db.exec(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName} ON ${tableName(name)} (${columns})`,
      );
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function tableName(coll: string): string {
  return quoteIdent(`c_${coll}`);
}

function indexesOf(spec: CollectionSpec | undefined): IndexInfo[] {
  return (spec?.indexes ?? []).map((index) => ({
    name: index.name,
    paths: Object.keys(index.keys),
    unique: index.unique === true,
  }));
}
