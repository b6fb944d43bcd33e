/**
 * The key that signs rotating check-in codes. Production sets CHECKIN_SECRET as a function
 * environment variable (console → 云函数 → api → 环境变量; at least 16 bytes). Without it, the
 * key is a random value created on first use in the `secrets` collection of the environment
 * (whose permission must be admin-only), so every instance and the local cloud agree on one key
 * without any configuration. Once read, an instance keeps it: the stored key never changes, and
 * a check-in then costs no read of it (the local cloud's reset starts fresh instances).
 */
import { randomBytes } from 'node:crypto';
import { MIN_SECRET_BYTES } from '../domain/checkin-token';
import type { SecretDoc } from '../db/documents';
import type { Database } from './cloud';
import { getDoc, isDuplicateWrite } from './docs';

export const CHECKIN_SECRET_ENV = 'CHECKIN_SECRET';
export const CHECKIN_SECRET_DOC = 'checkin';

let stored: Buffer | undefined;

export async function checkInSecret(db: Database): Promise<Buffer> {
  const fromEnv = process.env[CHECKIN_SECRET_ENV];
  if (fromEnv) {
    if (Buffer.byteLength(fromEnv) < MIN_SECRET_BYTES)
      throw new Error(`${CHECKIN_SECRET_ENV} must be at least ${MIN_SECRET_BYTES} bytes`);
    return Buffer.from(fromEnv, 'utf8');
  }
  stored ??= await loadOrCreate(db);
  return stored;
}

async function loadOrCreate(db: Database): Promise<Buffer> {
  const existing = await getDoc<SecretDoc>(db, 'secrets', CHECKIN_SECRET_DOC);
  if (existing) return Buffer.from(existing.value, 'base64');
  try {
    const value = randomBytes(32).toString('base64');
    await db.collection('secrets').add({ _id: CHECKIN_SECRET_DOC, value, createdAt: new Date() });
    return Buffer.from(value, 'base64');
  } catch (err) {
    // Another instance created it first: use theirs.
    if (!isDuplicateWrite(err)) throw err;
    const winner = await getDoc<SecretDoc>(db, 'secrets', CHECKIN_SECRET_DOC);
    if (!winner) throw err;
    return Buffer.from(winner.value, 'base64');
  }
}
