/**
 * Acknowledged writes survive `kill -9` of the server process: the SQLite file is in WAL mode
 * with synchronous=FULL, and a reply is sent only after the write transaction committed.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { localDatabase } from './support/db-server';

const SERVER = path.join(__dirname, 'support', 'db-server.ts');

type Child = ChildProcessByStdio<null, Readable, Readable>;

function startChild(dataDir: string): Promise<{ child: Child; baseUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((item) => item.startsWith('{'));
      if (line) resolve({ child, baseUrl: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` });
    });
    child.on('exit', (code) => reject(new Error(`db server exited (${String(code)}): ${err}`)));
  });
}

function killHard(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

let dataDir: string;
let running: Child | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-db-kill-'));
});

afterAll(async () => {
  if (running) await killHard(running);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('keeps every acknowledged write after SIGKILL and restart', async () => {
  const first = await startChild(dataDir);
  running = first.child;
  let db = localDatabase(first.baseUrl);
  await db.createCollection('ledger');
  await db.collection('ledger').add({ _id: 'total', n: 0 });
  const _ = db.command;
  const acknowledged: string[] = [];
  // Sequential and parallel writes; the kill comes right after the last acknowledgement.
  for (let i = 0; i < 50; i += 1)
    acknowledged.push((await db.collection('ledger').add({ i, at: new Date(i) })).id as string);
  const parallel = await Promise.all(
    Array.from({ length: 100 }, (_item, i) => db.collection('ledger').add({ i: 100 + i })),
  );
  acknowledged.push(...parallel.map((res) => res.id as string));
  await Promise.all(
    Array.from({ length: 100 }, () =>
      db
        .collection('ledger')
        .doc('total')
        .update({ n: _.inc(1) }),
    ),
  );
  await db.runTransaction(async (txn: { collection(name: string): ReturnType<typeof db.collection> }) => {
    await txn.collection('ledger').doc('total').update({ committed: true });
  });
  await killHard(first.child);
  running = undefined;

  const second = await startChild(dataDir);
  running = second.child;
  db = localDatabase(second.baseUrl);
  const total = (await db.collection('ledger').doc('total').get()).data[0];
  expect(total).toEqual({ _id: 'total', n: 100, committed: true });
  expect((await db.collection('ledger').count()).total).toBe(151);
  const stored = new Set<string>();
  for (let offset = 0; offset < 151; offset += 100) {
    for (const doc of (await db.collection('ledger').skip(offset).limit(100).get()).data as { _id: string }[])
      stored.add(doc._id);
  }
  expect(acknowledged.every((id) => stored.has(id))).toBe(true);
  expect((await db.collection('ledger').where({ i: 3 }).get()).data[0].at).toEqual(new Date(3));
}, 60_000);
