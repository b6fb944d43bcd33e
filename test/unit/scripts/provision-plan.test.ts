import path from 'node:path';
import { loadDatabaseManifest } from '../../../local-cloud/src/project/database-manifest';
import {
  EMPTY_ENVIRONMENT,
  formatPlan,
  planProvisioning,
  type EnvironmentDescription,
} from '../../../scripts/cloud/provision-plan';

const manifest = loadDatabaseManifest(path.resolve(__dirname, '../../../database.json')).collections;

/** An environment provisioned exactly as the manifest says. */
function provisioned(): EnvironmentDescription {
  return {
    collections: Object.fromEntries(
      Object.entries(manifest).map(([name, spec]) => [
        name,
        { indexes: [{ name: '_id_', keys: { _id: 1 } }, ...spec.indexes], rule: spec.rule },
      ]),
    ),
  };
}

describe('provisioning plan', () => {
  it('against an empty environment creates every collection and index and sets every rule', () => {
    const plan = planProvisioning(manifest, EMPTY_ENVIRONMENT);
    const lines = formatPlan(plan);
    const names = Object.keys(manifest);
    const indexes = Object.entries(manifest).flatMap(([name, spec]) => spec.indexes.map((i) => `${name}.${i.name}`));
    expect(names.length).toBeGreaterThanOrEqual(19);
    expect(indexes.length).toBeGreaterThanOrEqual(25);
    for (const name of names) {
      expect(lines).toContain(`create collection ${name}`);
      expect(lines).toContain(`set rule ${name} {"read":false,"write":false}`);
    }
    for (const index of indexes) expect(lines.some((line) => line.startsWith(`create index ${index} (`))).toBe(true);
    expect(plan.steps).toHaveLength(names.length * 2 + indexes.length);
    expect(lines).toContain('create index eventCodes.event (eventId asc) unique');
    expect(lines).toContain('create index members.branch_status_joined (branchId asc, status asc, joinedAt desc)');
    expect(plan.drift).toEqual([]);
  });

  it('is idempotent: a provisioned environment needs nothing', () => {
    expect(formatPlan(planProvisioning(manifest, provisioned()))).toEqual(['nothing to change']);
  });

  it('reports drift: an index or collection the manifest lacks, an index declared differently', () => {
    const env = provisioned();
    env.collections.members!.indexes.push({ name: 'legacy_name', keys: { name: 1 } });
    env.collections.eventCodes!.indexes = [{ name: 'event', keys: { eventId: 1 }, unique: false }];
    env.collections.scratch = { indexes: [] };
    delete env.collections.secrets!.rule;
    expect(formatPlan(planProvisioning(manifest, env))).toEqual([
      'set rule secrets {"read":false,"write":false}',
      'drift: index members.legacy_name (name asc) exists in the environment but not in database.json',
      'drift: index eventCodes.event is event (eventId asc) in the environment, database.json declares event (eventId asc) unique (drop it in the console to recreate it)',
      'drift: collection scratch exists in the environment but not in database.json',
    ]);
  });

  it('creates only what is missing', () => {
    const env = provisioned();
    delete env.collections.liaisons;
    env.collections.events!.indexes = [];
    expect(formatPlan(planProvisioning(manifest, env))).toEqual([
      'create collection liaisons',
      'create index liaisons.pairing_created (pairingId asc, createdAt desc)',
      'set rule liaisons {"read":false,"write":false}',
      'create index events.owner_status_start_id (ownerKey asc, status asc, startsAt asc, _id asc)',
      'create index events.status_start (status asc, startsAt asc)',
      'create index events.counts_to_check (countsToCheck asc, lastClaimAt asc)',
      'create index events.status_deadline (status asc, signUpDeadline asc)',
    ]);
  });
});
