/**
 * A reminder run killed mid-batch (SIGKILL of the whole local cloud, functions and all) and
 * resumed by the next firing sends each remaining reminder once and none twice. The kill is made
 * deterministic: the 11th to 18th sends are held by the emulator (fail-nth with a delay), so at
 * the kill 10 reminders are sent and recorded, 8 are claimed but not sent, and the rest are not
 * yet claimed; held calls are recorded only when answered, so they never reached "WeChat".
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import tcb from '@cloudbase/node-sdk';
import { ADMIN_ROUTES, timerFirePath } from '../../local-cloud/src/routes';
import type { OutboxEntry } from '../../local-cloud/src/openapi/outbox';
import type { ApiResult, EventDetail } from '../../src/contract';
import type { ReminderDoc } from '../../src/db/reminder-documents';
import type { MemberDoc } from '../../src/db/documents';
import { setupDatabase } from '../../src/db/setup';
import { TEMPLATES } from '../../src/server/reminders/templates';

const SERVER = path.join(__dirname, 'support', 'cloud-process.ts');
const MEMBERS = 40;
const HOUR = 3_600_000;

type Child = ChildProcessByStdio<null, Readable, Readable>;
interface Running {
  child: Child;
  baseUrl: string;
}

function startChild(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((item) => item.startsWith('{'));
      if (!line) return;
      const { baseUrl, env } = JSON.parse(line) as { baseUrl: string; env: Record<string, string> };
      Object.assign(process.env, env);
      resolve({ child, baseUrl });
    });
    child.on('exit', (code) => reject(new Error(`local cloud exited (${String(code)}): ${err}`)));
  });
}

function killHard(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function post(url: string, body: unknown, openid?: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-local-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return res.json() as Promise<unknown>;
}

let dataDir: string;
let running: Running | undefined;
const db = () => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-reminder-kill-'));
});
afterAll(async () => {
  if (running) await killHard(running.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function sentInDb(): Promise<ReminderDoc[]> {
  const { data } = await db().collection('reminders').where({ state: 'sent' }).limit(1000).get();
  return data as ReminderDoc[];
}

it('resumes a run killed mid-batch: every reminder sent once, none twice', async () => {
  running = await startChild(dataDir);
  const { baseUrl } = running;
  const api = async <T>(action: string, data: unknown, openid: string): Promise<T> => {
    const result = (await post(`${baseUrl}/functions/api`, { action, data }, openid)) as ApiResult<T>;
    if (!result.ok) throw new Error(`${action}: ${result.error.code}`);
    return result.data;
  };
  await setupDatabase(db());
  await db()
    .collection('organizations')
    .doc('b-kill')
    .set({ kind: 'branch', name: '测试支部', parentId: null, createdAt: new Date() });
  const member = (id: string, role: MemberDoc['role']) => ({
    _id: id,
    name: id,
    branchId: 'b-kill',
    role,
    status: 'active',
    joinedAt: new Date(),
    joinedVia: null,
  });
  const members = Array.from({ length: MEMBERS }, (_, i) => `k-m${String(i).padStart(2, '0')}`);
  await db()
    .collection('members')
    .add([member('k-sec', 'secretary'), ...members.map((m) => member(m, 'member'))]);
  const start = Date.now() + 20 * HOUR;
  const draft = await api<EventDetail>(
    'event.create',
    {
      title: '集中学习',
      theme: '学习党章',
      form: '集体学习',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      place: { name: '三楼会议室' },
      signUpDeadline: new Date(start).toISOString(),
    },
    'k-sec',
  );
  await api('event.publish', { eventId: draft.id }, 'k-sec');
  const results = { [TEMPLATES.eventStart.id]: 'accept' };
  for (const m of members) {
    await api('registration.signUp', { eventId: draft.id }, m);
    await post(`${baseUrl}${ADMIN_ROUTES.subscriptions}`, { openid: m, results });
    await api('subscription.record', { results }, m);
  }
  // Sends 11–18 are held: every sender of the run waits on one of them.
  for (let n = 11; n <= 18; n++)
    await post(`${baseUrl}${ADMIN_ROUTES.outboxFailNth}`, { api: 'subscribeMessage.send', n, delayMs: 120_000 });

  const at = new Date();
  const firing = post(`${baseUrl}${timerFirePath('scheduler', 'daily')}`, { time: at.toISOString() }).catch(
    () => 'killed',
  );
  for (let i = 0; i < 200 && (await sentInDb()).length < 10; i++) await new Promise((r) => setTimeout(r, 50));
  // Give the senders a moment to be stuck on the held calls, then kill everything.
  await new Promise((r) => setTimeout(r, 300));
  expect((await sentInDb()).length).toBe(10);
  await killHard(running.child);
  expect(await firing).toBe('killed');

  running = await startChild(dataDir);
  const claimed = (await db().collection('reminders').where({ state: 'claimed' }).limit(1000).get()).data;
  expect(claimed).toHaveLength(8);
  // The next firing, after the leases ran out, resumes the job where it stopped.
  await post(`${running.baseUrl}${timerFirePath('scheduler', 'daily')}`, {
    time: new Date(at.getTime() + 5 * 60_000).toISOString(),
  });
  const res = await fetch(`${running.baseUrl}${ADMIN_ROUTES.outbox}?api=subscribeMessage.send`);
  const outbox = ((await res.json()) as { messages: OutboxEntry[] }).messages.filter((m) => m.errcode === 0);
  expect(outbox.map((m) => m.params.touser as string).sort()).toEqual(members);
  expect((await sentInDb()).map((r) => r.openid).sort()).toEqual(members);
  // Each credit spent once.
  const { data: credits } = await db().collection('subscriptionCredits').limit(1000).get();
  expect((credits as { credits: number }[]).every((c) => c.credits === 0)).toBe(true);
}, 120_000);
