/**
 * The `database.*` actions of POST /admin, with the request fields and reply shapes that
 * @cloudbase/database 1.4.3 (inside node-sdk 3.18.3) sends and reads: see its src/collection.ts,
 * document.ts, query.ts, aggregate.ts and transaction/index.ts.
 */
import { type Doc, decodeRequestValue, replyText } from './ejson';
import type { Engine } from './engine';
import { CloudError, DB_ERROR, invalidParam } from './errors';
import { assertStorableDocument, assertStorableUpdate } from './field-names';
import { isPlainObject } from './planner';
import type { Store } from './store';
import type { TransactionRegistry } from './transactions';

/** CloudBase returns 100 documents unless asked for fewer, and never more than 1000. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

type Body = Record<string, unknown>;
type Handler = (body: Body, now: number) => Promise<Record<string, unknown>> | Record<string, unknown>;

export function createActions(store: Store, engine: Engine, txns: TransactionRegistry): Record<string, Handler> {
  return {
    'database.addCollection': (body) => {
      store.createCollection(body.collectionName);
      return {};
    },

    'database.insertDocument': async (body, now) => {
      const info = store.collection(body.collectionName);
      if (!Array.isArray(body.data) || body.data.length === 0)
        throw invalidParam('data must be a non-empty array of EJSON strings');
      const docs = body.data.map((item) => objectParam(decodeRequestValue(item, 'data', now), 'data'));
      docs.forEach(assertStorableDocument);
      const insertedIds = await engine.insert(info, docs, txns.find(body.transactionId));
      return { data: { insertedIds } };
    },

    'database.getDocument': async (body, now) => {
      const info = store.collection(body.collectionName);
      const limit =
        typeof body.limit === 'number' && body.limit > 0 ? Math.min(Math.floor(body.limit), MAX_LIMIT) : DEFAULT_LIMIT;
      const offset = body.offset === undefined ? 0 : body.offset;
      if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)
        throw invalidParam('offset must be a non-negative integer');
      const params = {
        query: queryParam(body.query, now),
        limit,
        offset,
        ...(body.order === undefined ? {} : { order: orderParam(decodeRequestValue(body.order, 'order', now)) }),
        ...(body.projection === undefined
          ? {}
          : { projection: objectParam(decodeRequestValue(body.projection, 'projection', now), 'projection') }),
      };
      const { list, total } = await engine.get(info, params, txns.find(body.transactionId));
      return { data: { list: list.map(replyText) }, total, limit, offset };
    },

    'database.calculateDocument': (body, now) => {
      const info = store.collection(body.collectionName);
      return { data: { total: engine.count(info, queryParam(body.query, now), txns.find(body.transactionId)) } };
    },

    'database.modifyDocument': async (body, now) => {
      const info = store.collection(body.collectionName);
      const data = objectParam(decodeRequestValue(body.data, 'data', now), 'data');
      const merge = body.merge !== false;
      if (merge) assertStorableUpdate(data);
      else assertStorableDocument(withoutOperators(data));
      const result = await engine.modify(
        info,
        { query: queryParam(body.query, now), data, multi: body.multi === true, merge, upsert: body.upsert === true },
        txns.find(body.transactionId),
      );
      return {
        data:
          result.upsertId === undefined
            ? { updated: result.updated }
            : { updated: result.updated, upsert_id: result.upsertId },
      };
    },

    'database.modifyAndReturnDoc': async (body, now) => {
      const info = store.collection(body.collectionName);
      const data = objectParam(decodeRequestValue(body.data, 'data', now), 'data');
      assertStorableUpdate(data);
      const result = await engine.modify(
        info,
        { query: queryParam(body.query, now), data, multi: false, merge: true, upsert: false },
        txns.find(body.transactionId),
      );
      // findAndModify: CloudBase counts the matched document, changed or not.
      return result.doc === null
        ? { data: { updated: 0, doc: null } }
        : { data: { updated: 1, doc: replyText(result.doc) } };
    },

    'database.removeDocument': async (body, now) => {
      const info = store.collection(body.collectionName);
      const deleted = await engine.remove(
        info,
        queryParam(body.query, now),
        body.multi === true,
        txns.find(body.transactionId),
      );
      return { data: { deleted } };
    },

    'database.aggregateDocuments': (body, now) => {
      const info = store.collection(body.collectionName);
      if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array');
      const pipeline = body.stages.map((stage: unknown) => {
        if (!isPlainObject(stage) || typeof stage.stageKey !== 'string')
          throw invalidParam('each stage needs stageKey and stageValue');
        return { [stage.stageKey]: decodeRequestValue(stage.stageValue, 'stageValue', now) };
      });
      return { data: { list: engine.aggregate(info, pipeline).map(replyText) } };
    },

    'database.startTransaction': () => ({ transactionId: txns.start().id }),

    'database.commitTransaction': (body) => {
      const txn = requireTransaction(txns, body.transactionId);
      try {
        engine.commit(txn);
      } finally {
        // A commit that fails (duplicate unique key) aborts: nothing of it stays.
        txns.end(txn.id);
      }
      return {};
    },

    'database.abortTransaction': (body) => {
      txns.end(requireTransaction(txns, body.transactionId).id);
      return {};
    },
  };
}

function requireTransaction(txns: TransactionRegistry, id: unknown) {
  const txn = txns.find(id);
  if (!txn) throw new CloudError(DB_ERROR.TRANSACTION_FAIL, 'transactionId is required');
  return txn;
}

/** A replacement's top-level operators are refused by the engine with their own message. */
function withoutOperators(data: Doc): Doc {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('$')));
}

function queryParam(text: unknown, now: number): Doc {
  return text === undefined || text === '' ? {} : objectParam(decodeRequestValue(text, 'query', now), 'query');
}

function objectParam(value: unknown, field: string): Doc {
  if (!isPlainObject(value)) throw invalidParam(`${field} must be an object`);
  return value;
}

function orderParam(value: unknown): Record<string, 1 | -1> {
  const order = objectParam(value, 'order');
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order of ${field} must be 1 or -1`);
  }
  return order as Record<string, 1 | -1>;
}
