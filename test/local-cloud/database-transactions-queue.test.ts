/**
 * The emulator's optional `queue` mode (LOCAL_CLOUD_TRANSACTIONS=queue): contending transactions
 * wait for each other's document locks instead of failing at once as on CloudBase. Its own file
 * because the SDK redirect is process-wide.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDatabase, startDbServer, type DbServer, errorOf, type Db, type Txn } from './support/db-server';

describe('queue mode (LOCAL_CLOUD_TRANSACTIONS=queue): contending transactions wait for each other', () => {
  let queued: DbServer;
  let qdb: Db;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-db-txq-'));
    queued = await startDbServer(dataDir, { collections: {}, transactionMode: 'queue' });
    qdb = localDatabase(queued.baseUrl);
  });
  afterAll(async () => {
    await queued.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await queued.service.reset();
    await qdb.createCollection('events');
    await qdb.createCollection('registrations');
  });

  it('two transactions locking two documents in opposite order: one fails with DATABASE_TRANSACTION_CONFLICT', async () => {
    await qdb.collection('events').add([{ _id: 'a' }, { _id: 'b' }]);
    const first = (await qdb.startTransaction()) as Txn;
    const second = (await qdb.startTransaction()) as Txn;
    await first.collection('events').doc('a').update({ by: 'first' });
    await second.collection('events').doc('b').update({ by: 'second' });
    const firstWaits = first.collection('events').doc('b').update({ by: 'first' });
    const err = await errorOf(second.collection('events').doc('a').update({ by: 'second' }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await second.rollback();
    await firstWaits;
    await first.commit();
    const docs = (await qdb.collection('events').get()).data as { by: string }[];
    expect(docs.map((doc) => doc.by)).toEqual(['first', 'first']);
  });

  it('300 parallel runTransaction claims on 100 seats take exactly 100', async () => {
    const db = qdb;
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
