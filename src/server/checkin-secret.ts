/**
 * The key that signs rotating check-in codes. Production sets CHECKIN_SECRET as a function
 * environment variable (console → 云函数 → api → 环境变量; at least 16 bytes). Without it, the
 * key is a random value created on first use in the `secrets` collection of the environment
 * (whose permission must be admin-only), so every instance and the local cloud agree on one key
 * without any configuration. Not cached: a reset local cloud must not keep an old key alive.
 */
import { randomBytes } from 'node:crypto';
import { MIN_SECRET_BYTES } from '../domain/checkin-token';
import type { SecretDoc } from '../db/documents';
import type { Database } from './cloud';
import { getDoc, isDuplicateWrite } from './docs';

export const CHECKIN_SECRET_ENV = 'CHECKIN_SECRET';
export const CHECKIN_SECRET_DOC = 'checkin';

export async function checkInSecret(db: Database): Promise<Buffer> {
  const fromEnv = process.env[CHECKIN_SECRET_ENV];
  if (fromEnv) {
    if (Buffer.byteLength(fromEnv) < MIN_SECRET_BYTES)
      throw new Error(`${CHECKIN_SECRET_ENV} must be at least ${MIN_SECRET_BYTES} bytes`);
    return Buffer.from(fromEnv, 'utf8');
  }
  const stored = await getDoc<SecretDoc>(db, 'secrets', CHECKIN_SECRET_DOC);
  if (stored) return Buffer.from(stored.value, 'base64');
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
