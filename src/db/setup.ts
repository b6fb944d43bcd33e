/**
 * Creates every collection of the manifest. The same step runs against the local cloud (on
 * `npm start` and in tests) and against a CloudBase environment; CloudBase, unlike MongoDB,
 * refuses writes to a collection that was never created. Indexes: see collections.ts.
 */
import type { Database } from '../server/cloud';
import { COLLECTION_NAMES } from './collections';

const ALREADY_EXISTS = 'DATABASE_COLLECTION_ALREADY_EXIST';

export async function setupDatabase(db: Database): Promise<void> {
  for (const name of COLLECTION_NAMES) {
    try {
      await db.createCollection(name);
    } catch (err) {
      if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err;
    }
  }
}
