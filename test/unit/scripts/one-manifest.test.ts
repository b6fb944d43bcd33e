/**
 * database.json is the one description of the database: the product's typed COLLECTIONS, the
 * local cloud's indexes and the provisioning plan all come from it. An index removed from the
 * manifest disappears from the local cloud (its unique constraint stops applying) and from the plan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDatabaseManifest } from '../../../local-cloud/src/project/database-manifest';
import { EMPTY_ENVIRONMENT, formatPlan, planProvisioning } from '../../../scripts/cloud/provision-plan';
import { COLLECTIONS } from '../../../src/db/collections';
import { FIXTURE_FUNCTIONS_DIR, startTestCloud } from '../../support/local-cloud';

const MANIFEST = path.resolve(__dirname, '../../../database.json');

function manifestWithout(collection: string, index: string): string {
  const raw = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as {
    collections: Record<string, { indexes: { name: string }[] }>;
  };
  const spec = raw.collections[collection]!;
  spec.indexes = spec.indexes.filter((i) => i.name !== index);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-manifest-')), 'database.json');
  fs.writeFileSync(file, JSON.stringify(raw));
  return file;
}

/** Inserts two print codes for the same event; answers the second insert's error code, if any. */
async function secondCodeForSameEvent(databaseManifest: string): Promise<string | undefined> {
  const cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR, databaseManifest });
  try {
    const db = cloud.sdk().database();
    await db.createCollection('eventCodes');
    await db.collection('eventCodes').add({ _id: 'A1', eventId: 'event-1' });
    try {
      await db.collection('eventCodes').add({ _id: 'B2', eventId: 'event-1' });
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  } finally {
    await cloud.stop();
  }
}

describe('the database manifest', () => {
  it('is what the product types and the local cloud reads', () => {
    const parsed = loadDatabaseManifest(MANIFEST).collections;
    expect(COLLECTIONS).toEqual(parsed);
    for (const spec of Object.values(COLLECTIONS)) {
      expect(spec.rule).toEqual({ read: false, write: false });
      for (const index of spec.indexes) expect(Object.values(index.keys).every((d) => d === 1 || d === -1)).toBe(true);
    }
  });

  it('drives both the local cloud and the provisioning plan: a removed index leaves both', async () => {
    const trimmed = manifestWithout('eventCodes', 'event');
    const full = formatPlan(planProvisioning(loadDatabaseManifest(MANIFEST).collections, EMPTY_ENVIRONMENT));
    const without = formatPlan(planProvisioning(loadDatabaseManifest(trimmed).collections, EMPTY_ENVIRONMENT));
    expect(full).toContain('create index eventCodes.event (eventId asc) unique');
    expect(without).not.toContain('create index eventCodes.event (eventId asc) unique');
    expect(full.length - without.length).toBe(1);

    expect(await secondCodeForSameEvent(MANIFEST)).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await secondCodeForSameEvent(trimmed)).toBeUndefined();
  });
});
