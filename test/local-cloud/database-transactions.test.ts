/**
 * Transactions and concurrency through the real node-sdk over HTTP. CloudBase transactions are
 * ACID and runTransaction retries on DATABASE_TRANSACTION_CONFLICT
 * (https://docs.cloudbase.net/en/database/transaction; @cloudbase/database src/transaction/index.ts).
 * By default the emulator follows CloudBase's conflict rule (a contending transaction fails at once
 * and is retried by runTransaction, reads see a snapshot); the `queue` mode, where contenders
 * wait for each other's locks, is covered at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFLICT_MESSAGE } from '../../local-cloud/src/database/transactions';
import { localDatabase, startDbServer, type DbServer, errorOf, type Db, type Txn } from './support/db-server';

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

  it('冲突检测: a write to a document another open transaction has written fails at once and aborts', async () => {
    await db.collection('events').add([
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ]);
    const first = (await db.startTransaction()) as Txn;
    const second = (await db.startTransaction()) as Txn;
    await first.collection('events').doc('a').update({ by: 'first' });
    await second.collection('events').doc('b').update({ by: 'second' });
    const started = Date.now();
    const err = await errorOf(first.collection('events').doc('b').update({ by: 'first' }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(err.message).toBe(CONFLICT_MESSAGE);
    expect(Date.now() - started).toBeLessThan(1_000);
    // The conflict ended the first transaction: its lock on `a` is gone and it cannot go on.
    const gone = await errorOf(first.collection('events').doc('a').update({ by: 'again' }));
    expect(gone.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(gone.message).toMatch(/^\[ResourceUnavailable\.TransactionNotExist\]/);
    const third = (await db.startTransaction()) as Txn;
    await third.collection('events').doc('a').update({ by: 'third' });
    await third.commit();
    await second.commit();
    const docs = (await db.collection('events').get()).data as { _id: string; by: string }[];
    expect(docs.map((doc) => [doc._id, doc.by])).toEqual([
      ['a', 'third'],
      ['b', 'second'],
    ]);
  });

  it('读偏: reads see the snapshot of the start; writing what a commit changed since fails', async () => {
    await db.collection('events').add([
      { _id: '1', category: 'Web' },
      { _id: '2', category: 'Life' },
    ]);
    const txn = (await db.startTransaction()) as Txn;
    expect((await txn.collection('events').doc('1').get()).data).toEqual({ _id: '1', category: 'Web' });
    // A read takes no lock: plain writes go through at once.
    await db.collection('events').doc('1').set({ category: 'changed' });
    await db.collection('events').doc('2').set({ category: 'changed' });
    await db.collection('events').add({ _id: '3', category: 'new' });
    expect((await txn.collection('events').doc('1').get()).data).toEqual({ _id: '1', category: 'Web' });
    expect((await txn.collection('events').doc('2').get()).data).toEqual({ _id: '2', category: 'Life' });
    const listed = (await txn.collection('events').where({ category: 'Web' }).get()).data as { _id: string }[];
    expect(listed.map((doc) => doc._id)).toEqual(['1']);
    expect((await txn.collection('events').doc('3').get()).data).toBeNull();
    const err = await errorOf(txn.collection('events').doc('1').update({ category: 'in transaction' }));
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_MESSAGE });
    expect((await db.collection('events').doc('1').get()).data[0].category).toBe('changed');
  });

  it('读快照: a transaction reads its own write, others read the committed value', async () => {
    await db.collection('events').add({ _id: '1', category: 'Web' });
    const txn = (await db.startTransaction()) as Txn;
    await txn.collection('events').doc('1').update({ category: 'update in transaction' });
    expect((await db.collection('events').doc('1').get()).data[0].category).toBe('Web');
    expect((await txn.collection('events').doc('1').get()).data).toEqual({
      _id: '1',
      category: 'update in transaction',
    });
    await txn.rollback();
  });

  it('a transaction that only read a document another transaction later wrote still commits', async () => {
    await db.collection('events').add([{ _id: 'read', n: 1 }, { _id: 'other' }]);
    const reader = (await db.startTransaction()) as Txn;
    const seen = (await reader.collection('events').doc('read').get()).data as { n: number };
    const writer = (await db.startTransaction()) as Txn;
    await writer.collection('events').doc('read').update({ n: 2 });
    await writer.commit();
    await reader.collection('events').doc('other').update({ copied: seen.n });
    await reader.commit();
    const docs = (await db.collection('events').get()).data as { n?: number; copied?: number }[];
    expect(docs).toEqual([
      { _id: 'read', n: 2 },
      { _id: 'other', copied: 1 },
    ]);
  });

  it('runTransaction runs the callback again after a conflict, on a fresh snapshot', async () => {
    await db.collection('events').add({ _id: 'e1', n: 0 });
    let attempts = 0;
    const result = await db.runTransaction(async (txn: Txn) => {
      attempts += 1;
      const before = (await txn.collection('events').doc('e1').get()).data as { n: number };
      // Someone else changes the document after this attempt began.
      if (attempts === 1)
        await db
          .collection('events')
          .doc('e1')
          .update({ n: db.command.inc(5) });
      await txn
        .collection('events')
        .doc('e1')
        .update({ n: before.n + 1 });
      return before.n;
    });
    expect(attempts).toBe(2);
    expect(result).toBe(5);
    expect((await db.collection('events').doc('e1').get()).data[0].n).toBe(6);
  });

  it('a plain write to a document a transaction has written waits for the commit: no lost update', async () => {
    await db.collection('events').add({ _id: 'e1', n: 0 });
    const txn = (await db.startTransaction()) as Txn;
    const read = await txn.collection('events').doc('e1').get();
    await txn
      .collection('events')
      .doc('e1')
      .update({ n: (read.data as { n: number }).n + 10 });
    const outside = db
      .collection('events')
      .doc('e1')
      .update({ n: db.command.inc(1) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.collection('events').doc('e1').get()).data[0].n).toBe(0);
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

  it('300 parallel conditional updates on 100 seats take exactly 100, none aborted', async () => {
    await db.collection('events').add({ _id: 'day', capacity: 100, taken: 0 });
    const _ = db.command;
    const results = await Promise.all(
      Array.from({ length: 300 }, () =>
        db
          .collection('events')
          .where({ _id: 'day', taken: _.lt(100) })
          .update({ taken: _.inc(1) }),
      ),
    );
    expect(results.filter((res) => res.updated === 1)).toHaveLength(100);
    expect((await db.collection('events').doc('day').get()).data[0].taken).toBe(100);
  });

  it('under contention, every runTransaction either commits or answers CONFLICT, and only commits count', async () => {
    await db.collection('events').add({ _id: 'hot', n: 0 });
    const bump = (member: number) =>
      db
        .runTransaction(async (txn: Txn) => {
          const doc = (await txn.collection('events').doc('hot').get()).data as { n: number };
          await txn
            .collection('events')
            .doc('hot')
            .update({ n: doc.n + 1 });
          await txn.collection('registrations').add({ _id: `m${member}` });
        })
        .then(
          () => 'ok',
          (err: { code?: string }) => err.code,
        );
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, member) => bump(member)));
    const ok = outcomes.filter((outcome) => outcome === 'ok').length;
    expect(outcomes.every((outcome) => outcome === 'ok' || outcome === 'DATABASE_TRANSACTION_CONFLICT')).toBe(true);
    expect(ok).toBeGreaterThan(0);
    expect((await db.collection('events').doc('hot').get()).data[0].n).toBe(ok);
    expect((await db.collection('registrations').count()).total).toBe(ok);
  }, 60_000);
});
