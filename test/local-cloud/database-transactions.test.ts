/**
 * Transactions and concurrency through the real node-sdk over HTTP. CloudBase transactions are
 * ACID and runTransaction retries on DATABASE_TRANSACTION_CONFLICT
 * (https://docs.cloudbase.net/en/database/transaction; @cloudbase/database src/transaction/index.ts).
 * The emulator serializes transactions on per-document locks, so contending claims queue up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDatabase, startDbServer, type DbServer } from './support/db-server';

type Db = ReturnType<typeof localDatabase>;
// The SDK's Transaction type is not exported through node-sdk's typings.
type Txn = {
  collection(name: string): ReturnType<Db['collection']>;
  rollback(reason?: unknown): Promise<unknown>;
  commit(): Promise<unknown>;
};

let server: DbServer;
let db: Db;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-db-tx-'));
  server = await startDbServer(dataDir, {
    collections: { accounts: { indexes: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] } },
  });
  db = localDatabase(server.baseUrl);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await server.service.reset();
  await db.createCollection('events');
  await db.createCollection('registrations');
  await db.createCollection('accounts');
});

function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: { code?: string; message: string }) => err,
  );
}

describe('transactions', () => {
  it('runTransaction commits reads and writes together; doc().get() yields the document or null', async () => {
    await db.collection('events').add({ _id: 'e1', seats: 2 });
    const seen = await db.runTransaction(async (txn: Txn) => {
      const event = await txn.collection('events').doc('e1').get();
      const missing = await txn.collection('events').doc('nope').get();
      await txn
        .collection('events')
        .doc('e1')
        .update({ seats: db.command.inc(-1) });
      await txn.collection('registrations').add({ _id: 'r1', eventId: 'e1' });
      await txn.collection('registrations').doc('r2').set({ eventId: 'e1' });
      return { event: event.data, missing: missing.data };
    });
    expect(seen).toEqual({ event: { _id: 'e1', seats: 2 }, missing: null });
    expect((await db.collection('events').doc('e1').get()).data[0].seats).toBe(1);
    expect((await db.collection('registrations').count()).total).toBe(2);
  });

  it('writes are invisible outside until commit, and visible inside', async () => {
    await db.collection('events').add({ _id: 'e1', seats: 2 });
    const txn = (await db.startTransaction()) as Txn;
    await txn.collection('events').doc('e1').update({ seats: 1 });
    await txn.collection('registrations').add({ _id: 'r1' });
    expect((await txn.collection('events').doc('e1').get()).data).toEqual({ _id: 'e1', seats: 1 });
    expect((await db.collection('events').doc('e1').get()).data[0].seats).toBe(2);
    expect((await db.collection('registrations').doc('r1').get()).data).toEqual([]);
    await txn.commit();
    expect((await db.collection('events').doc('e1').get()).data[0].seats).toBe(1);
    expect((await db.collection('registrations').doc('r1').get()).data).toHaveLength(1);
  });

  it('a rollback, or an error thrown in runTransaction, leaves nothing behind', async () => {
    await db.collection('events').add({ _id: 'e1', seats: 2 });
    const txn = (await db.startTransaction()) as Txn;
    await txn.collection('events').doc('e1').update({ seats: 0 });
    await txn.collection('events').doc('e1').remove();
    await txn.collection('registrations').add({ _id: 'r1' });
    await txn.rollback();

    const failure = await errorOf(
      db.runTransaction(async (t: Txn) => {
        await t.collection('events').doc('e1').set({ seats: 99 });
        await t.collection('registrations').add({ _id: 'r2' });
        throw new Error('名额不足');
      }),
    );
    expect(failure.message).toBe('名额不足');
    // rollback(reason) inside runTransaction rejects with that reason
    const reason = await errorOf(
      db.runTransaction(async (t: Txn) => {
        await t.collection('registrations').add({ _id: 'r3' });
        await t.rollback({ code: 'EVENT_FULL', message: 'full' });
      }),
    );
    expect(reason.code).toBe('EVENT_FULL');

    expect((await db.collection('events').doc('e1').get()).data).toEqual([{ _id: 'e1', seats: 2 }]);
    expect((await db.collection('registrations').count()).total).toBe(0);
  });

  it('a failed write (duplicate _id) inside a transaction, then rollback, leaves nothing', async () => {
    await db.collection('registrations').add({ _id: 'taken' });
    await db.collection('events').add({ _id: 'e1', seats: 2 });
    const txn = (await db.startTransaction()) as Txn;
    await txn.collection('events').doc('e1').update({ seats: 1 });
    const err = await errorOf(txn.collection('registrations').add({ _id: 'taken' }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    await txn.rollback();
    expect((await db.collection('events').doc('e1').get()).data[0].seats).toBe(2);
  });

  it('a commit that breaks a unique index fails with DATABASE_DUPLICATE_WRITE and applies none of its writes', async () => {
    const txn = (await db.startTransaction()) as Txn;
    await txn.collection('accounts').doc('a').set({ phone: '138' });
    await txn.collection('registrations').add({ _id: 'r1' });
    // Committed first, outside the transaction: the transaction's key now collides.
    await db.collection('accounts').add({ _id: 'b', phone: '138' });
    expect((await errorOf(txn.commit())).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection('accounts').doc('a').get()).data).toEqual([]);
    expect((await db.collection('registrations').count()).total).toBe(0);
  });

  it('a where() query inside a transaction sees its own uncommitted writes', async () => {
    await db.collection('registrations').add([
      { _id: 'r1', eventId: 'e1' },
      { _id: 'r2', eventId: 'e1' },
    ]);
    const txn = (await db.startTransaction()) as Txn;
    await txn.collection('registrations').add({ _id: 'r3', eventId: 'e1' });
    await txn.collection('registrations').doc('r1').remove();
    const inside = await txn.collection('registrations').where({ eventId: 'e1' }).get();
    expect(inside.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(['r2', 'r3']);
    const outside = await db.collection('registrations').where({ eventId: 'e1' }).get();
    expect(outside.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(['r1', 'r2']);
    await txn.rollback();
  });

  it('a transaction id that is not open is refused', async () => {
    const txn = (await db.startTransaction()) as Txn;
    await txn.commit();
    const err = await errorOf(txn.collection('events').add({ a: 1 }));
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('two transactions locking two documents in opposite order: one fails with DATABASE_TRANSACTION_CONFLICT', async () => {
    await db.collection('events').add([{ _id: 'a' }, { _id: 'b' }]);
    const first = (await db.startTransaction()) as Txn;
    const second = (await db.startTransaction()) as Txn;
    await first.collection('events').doc('a').update({ by: 'first' });
    await second.collection('events').doc('b').update({ by: 'second' });
    const firstWaits = first.collection('events').doc('b').update({ by: 'first' });
    const err = await errorOf(second.collection('events').doc('a').update({ by: 'second' }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await second.rollback();
    await firstWaits;
    await first.commit();
    const docs = (await db.collection('events').get()).data as { by: string }[];
    expect(docs.map((doc) => doc.by)).toEqual(['first', 'first']);
  });

  it('a plain write to a document a transaction holds waits for the commit: no lost update', async () => {
    await db.collection('events').add({ _id: 'e1', n: 0 });
    const txn = (await db.startTransaction()) as Txn;
    const read = await txn.collection('events').doc('e1').get();
    const outside = db
      .collection('events')
      .doc('e1')
      .update({ n: db.command.inc(1) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await txn
      .collection('events')
      .doc('e1')
      .update({ n: (read.data as { n: number }).n + 10 });
    await txn.commit();
    await outside;
    expect((await db.collection('events').doc('e1').get()).data[0].n).toBe(11);
  });
});

describe('concurrency', () => {
  it('200 parallel _.inc updates on one document land exactly', async () => {
    await db.collection('events').add({ _id: 'counter', n: 0 });
    const _ = db.command;
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        db
          .collection('events')
          .doc('counter')
          .update({ n: _.inc(1) }),
      ),
    );
    expect(results.every((res) => res.updated === 1)).toBe(true);
    expect((await db.collection('events').doc('counter').get()).data[0].n).toBe(200);
  });

  it('300 parallel runTransaction claims on 100 seats take exactly 100', async () => {
    await db.collection('events').add({ _id: 'day', capacity: 100, taken: 0 });
    const claim = (member: number) =>
      db.runTransaction(async (txn: Txn) => {
        const event = (await txn.collection('events').doc('day').get()).data as { capacity: number; taken: number };
        if (event.taken >= event.capacity) return 'full';
        await txn
          .collection('events')
          .doc('day')
          .update({ taken: db.command.inc(1) });
        await txn.collection('registrations').add({ _id: `m${member}`, eventId: 'day', seat: event.taken + 1 });
        return 'ok';
      });
    const outcomes = await Promise.all(Array.from({ length: 300 }, (_, member) => claim(member)));
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(100);
    expect(outcomes.filter((outcome) => outcome === 'full')).toHaveLength(200);
    expect((await db.collection('events').doc('day').get()).data[0].taken).toBe(100);
    const seats = (await db.collection('registrations').limit(1000).get()).data.map(
      (doc: { seat: number }) => doc.seat,
    );
    expect(seats).toHaveLength(100);
    expect(new Set(seats).size).toBe(100);
    expect(Math.max(...seats)).toBe(100);
  }, 60_000);
});
