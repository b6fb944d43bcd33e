/**
 * Database emulation benchmark through the real node-sdk over HTTP (`npm run bench`).
 * For 1k and 100k members prints medians of: a single insert, a get by _id, an equality query on
 * the manifest's members index (branchId + status, 50 hits at either size) and a read-modify-write
 * transaction. The indexed query at 100k must cost under 3× its cost at 1k.
 */
import { setupDatabase } from '../src/db/setup';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localDatabase, startDbServer } from '../test/local-cloud/support/db-server';

const SIZES = [1_000, 100_000];
const PER_BRANCH = 100;
const BATCH = 1_000;
const REPEATS = { insert: 200, byId: 300, indexed: 200, transaction: 100 };
const MAX_INDEXED_RATIO = 3;

type Db = ReturnType<typeof localDatabase>;

interface Row {
  size: number;
  loadPerSec: number;
  insertPerSec: number;
  insertMs: number;
  byIdMs: number;
  indexedMs: number;
  transactionMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeEach(times: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await op(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function member(i: number, branches: number): Record<string, unknown> {
  return {
    _id: `u${i}`,
    branchId: `b${i % branches}`,
    status: i % (2 * branches) < branches ? 'active' : 'left',
    joinedAt: new Date(1_700_000_000_000 + i * 1000),
    name: `党员${i}`,
  };
}

async function load(db: Db, size: number): Promise<number> {
  const branches = size / PER_BRANCH;
  const start = performance.now();
  for (let from = 0; from < size; from += BATCH) {
    await db
      .collection('members')
      .add(Array.from({ length: Math.min(BATCH, size - from) }, (_item, k) => member(from + k, branches)));
  }
  return size / ((performance.now() - start) / 1000);
}

async function benchSize(size: number): Promise<Row> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-bench-'));
  const server = await startDbServer(dataDir);
  try {
    const db = localDatabase(server.baseUrl);
    await setupDatabase(db);
    const loadPerSec = await load(db, size);
    const branches = size / PER_BRANCH;
    await db.createCollection('benchSeats');
    await db.collection('benchSeats').add({ _id: 'day', taken: 0 });

    const insertMs = await timeEach(REPEATS.insert, (i) => db.collection('benchSeats').add({ kind: 'bench', i }));
    const byIdMs = await timeEach(REPEATS.byId, (i) =>
      db
        .collection('members')
        .doc(`u${(i * 7919) % size}`)
        .get(),
    );
    const indexedMs = await timeEach(REPEATS.indexed, async (i) => {
      const res = await db
        .collection('members')
        .where({ branchId: `b${(i * 31) % branches}`, status: 'active' })
        .get();
      if (res.data.length !== PER_BRANCH / 2) throw new Error(`indexed query returned ${res.data.length} documents`);
    });
    const transactionMs = await timeEach(REPEATS.transaction, () =>
      db.runTransaction(async (txn: { collection(name: string): ReturnType<Db['collection']> }) => {
        const day = (await txn.collection('benchSeats').doc('day').get()).data as { taken: number };
        await txn
          .collection('benchSeats')
          .doc('day')
          .update({ taken: day.taken + 1 });
      }),
    );
    if (server.warnings.length > 0) throw new Error(`unexpected unindexed queries: ${server.warnings[0]}`);
    return { size, loadPerSec, insertPerSec: 1000 / insertMs, insertMs, byIdMs, indexedMs, transactionMs };
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // A first unreported pass warms up the JIT, which would otherwise inflate the 1k figures.
  await benchSize(SIZES[0]);
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await benchSize(size));
  const fmt = (value: number, digits = 2) => value.toFixed(digits).padStart(10);
  console.log('docs     | batch load/s | insert/s | insert ms | get-by-id ms | indexed eq ms | transaction ms');
  for (const row of rows) {
    console.log(
      `${String(row.size).padEnd(8)} | ${fmt(row.loadPerSec, 0)}   | ${fmt(row.insertPerSec, 0)} | ${fmt(row.insertMs)} | ${fmt(row.byIdMs)}   | ${fmt(row.indexedMs)}    | ${fmt(row.transactionMs)}`,
    );
  }
  const ratio = rows[rows.length - 1].indexedMs / rows[0].indexedMs;
  const ok = ratio < MAX_INDEXED_RATIO;
  console.log(
    `indexed query ${SIZES[SIZES.length - 1]} vs ${SIZES[0]}: ${ratio.toFixed(2)}× (limit ${MAX_INDEXED_RATIO}×) ${ok ? 'OK' : 'FAIL'}`,
  );
  if (!ok) process.exitCode = 1;
}

void main();
