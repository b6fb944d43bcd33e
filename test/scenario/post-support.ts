/**
 * Fixtures for the post and notice scenarios: uploads through the same grant the mini-program
 * uses in local mode (file.prepareUpload with `form`, then a COS form POST), a member's check-in
 * written straight into the database, and waiting for an asynchronous verdict to land.
 */
import type { ActionOutput, UploadPurpose } from '../../src/contract';
import type { CheckInDoc } from '../../src/db/documents';
import { checkInId } from '../../src/server/docs';
import { call } from './event-support';
import type { ApiCloud } from './support';

/** Uploads a small file as `openid` for `purpose`; `name` ends up in the path (e.g. 'risky' for the local verdict). */
export async function upload(
  cloud: ApiCloud,
  openid: string,
  purpose: UploadPurpose,
  name = 'photo',
  ext = '.jpg',
): Promise<string> {
  const target: ActionOutput<'file.prepareUpload'> = await call(
    cloud,
    'file.prepareUpload',
    { purpose, ext, name, form: true },
    openid,
  );
  if (!target.form) throw new Error('expected an upload grant');
  const body = new FormData();
  for (const [key, value] of Object.entries(target.form.fields)) body.append(key, value);
  body.append('file', new Blob([Buffer.from(`bytes of ${name}`)]), `${name}${ext}`);
  const res = await fetch(target.form.url, { method: 'POST', body });
  if (res.status !== 204) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return target.form.fileID;
}

/** `openid` of `branchId` checked in at the event (as a scan would record it). */
export async function attended(cloud: ApiCloud, eventId: string, openid: string, branchId: string): Promise<void> {
  const doc: Omit<CheckInDoc, '_id'> = {
    eventId,
    memberId: openid,
    branchId,
    name: openid,
    status: 'present',
    at: new Date(),
    timing: 'onTime',
    method: 'qr',
    byName: null,
    reason: null,
    history: [],
  };
  await cloud.db().collection('checkins').doc(checkInId(eventId, openid)).set(doc);
}

/** Polls `read` until `done` holds (verdicts arrive by message push after a short delay). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let counter = 0;
/** A fresh client request id, as the composer makes once per post or notice. */
export function requestId(): string {
  counter += 1;
  return `req-${Date.now().toString(36)}-${counter}`;
}
