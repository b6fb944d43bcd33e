/**
 * The CloudBase management API (@cloudbase/manager-node) as the deploy commands use it: describe
 * and provision the database, deploy functions. Loaded only once credentials are present, so the
 * offline paths (dry run, missing-variable errors) never touch it.
 */
import type CloudBase from '@cloudbase/manager-node';
import type { AccessRule, IndexSpec } from '../../local-cloud/src/project/database-manifest';
import type { EnvironmentDescription, PlanStep } from './provision-plan';

type Manager = CloudBase;

export interface ManagerCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
  /** Temporary credentials (STS) also carry a token. */
  token?: string;
}

export function connect(credentials: ManagerCredentials): Manager {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Manager = require('@cloudbase/manager-node') as typeof CloudBase;
  return new Manager({
    envId: credentials.envId,
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    ...(credentials.token ? { token: credentials.token } : {}),
  });
}

interface RuleAnswer {
  AclTag?: string;
  Rule?: string;
}

function ruleOf(answer: RuleAnswer): AccessRule | undefined {
  if (answer.AclTag !== 'CUSTOM' || !answer.Rule) return undefined;
  try {
    return JSON.parse(answer.Rule) as AccessRule;
  } catch {
    return undefined;
  }
}

/** Collections, their indexes and security rules as the environment has them now. */
export async function describeEnvironment(app: Manager, envId: string): Promise<EnvironmentDescription> {
  const collections: EnvironmentDescription['collections'] = {};
  const names: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await app.database.listCollections({ MgoOffset: offset, MgoLimit: 100 });
    names.push(...page.Collections.map((c) => c.CollectionName));
    if (page.Collections.length < 100) break;
  }
  for (const name of names) {
    const described = await app.database.describeCollection(name);
    const indexes = (described.Indexes ?? []).map(
      (index): IndexSpec => ({
        name: index.Name,
        keys: Object.fromEntries(
          index.Keys.map((key) => [key.Name ?? '', key.Direction === '-1' || key.Direction === 'desc' ? -1 : 1]),
        ) as Record<string, 1 | -1>,
        unique: index.Unique,
      }),
    );
    const rule = ruleOf(
      (await app.commonService().call({
        Action: 'DescribeSafeRule',
        Param: { EnvId: envId, CollectionName: name },
      })) as RuleAnswer,
    );
    collections[name] = { indexes, rule };
  }
  return { collections };
}

export async function applyStep(app: Manager, envId: string, step: PlanStep): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      await app.database.createCollectionIfNotExists(step.collection);
      return;
    case 'createIndex':
      await app.database.updateCollection(step.collection, {
        CreateIndexes: [
          {
            IndexName: step.index.name,
            MgoKeySchema: {
              MgoIsUnique: step.index.unique === true,
              MgoIndexKeys: Object.entries(step.index.keys).map(([Name, direction]) => ({
                Name,
                Direction: String(direction),
              })),
            },
          },
        ],
      });
      return;
    case 'setRule':
      await app.commonService().call({
        Action: 'ModifySafeRule',
        Param: { EnvId: envId, CollectionName: step.collection, AclTag: 'CUSTOM', Rule: JSON.stringify(step.rule) },
      });
      return;
  }
}
