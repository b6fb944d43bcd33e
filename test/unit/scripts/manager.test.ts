/**
 * The management calls provision makes, against a stand-in for @cloudbase/manager-node: the
 * request shapes are those of manager-node 5.6.5's types (updateCollection CreateIndexes,
 * commonService ModifySafeRule / DescribeSafeRule), so a real run sends what the API documents.
 */
import { applyStep, describeEnvironment } from '../../../scripts/cloud/manager';

type Call = [string, unknown];

function fakeManager(calls: Call[]) {
  return {
    database: {
      listCollections: async (page: unknown) => {
        calls.push(['listCollections', page]);
        return { Collections: [{ CollectionName: 'members' }] };
      },
      describeCollection: async (name: string) => {
        calls.push(['describeCollection', name]);
        return {
          Indexes: [
            { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
            {
              Name: 'branch_status_joined',
              Keys: [
                { Name: 'branchId', Direction: '1' },
                { Name: 'status', Direction: '1' },
                { Name: 'joinedAt', Direction: '-1' },
              ],
              Unique: false,
            },
          ],
        };
      },
      createCollectionIfNotExists: async (name: string) => calls.push(['createCollectionIfNotExists', name]),
      updateCollection: async (name: string, info: unknown) => calls.push(['updateCollection', { name, info }]),
    },
    commonService: () => ({
      call: async (options: { Action: string; Param: unknown }) => {
        calls.push([options.Action, options.Param]);
        return options.Action === 'DescribeSafeRule' ? { AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } : {};
      },
    }),
  };
}

describe('manager-node calls', () => {
  it('describes collections, their indexes and rules', async () => {
    const calls: Call[] = [];
    const env = await describeEnvironment(fakeManager(calls) as never, 'prod-1a2b');
    expect(env).toEqual({
      collections: {
        members: {
          indexes: [
            { name: '_id_', keys: { _id: 1 }, unique: true },
            { name: 'branch_status_joined', keys: { branchId: 1, status: 1, joinedAt: -1 }, unique: false },
          ],
          rule: { read: false, write: false },
        },
      },
    });
    expect(calls).toContainEqual(['DescribeSafeRule', { EnvId: 'prod-1a2b', CollectionName: 'members' }]);
  });

  it('creates an index and sets a rule with the documented parameters', async () => {
    const calls: Call[] = [];
    const app = fakeManager(calls) as never;
    await applyStep(app, 'prod-1a2b', {
      kind: 'createIndex',
      collection: 'eventCodes',
      index: { name: 'event', keys: { eventId: 1 }, unique: true },
    });
    await applyStep(app, 'prod-1a2b', {
      kind: 'setRule',
      collection: 'eventCodes',
      rule: { read: false, write: false },
    });
    expect(calls).toEqual([
      [
        'updateCollection',
        {
          name: 'eventCodes',
          info: {
            CreateIndexes: [
              {
                IndexName: 'event',
                MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'eventId', Direction: '1' }] },
              },
            ],
          },
        },
      ],
      [
        'ModifySafeRule',
        { EnvId: 'prod-1a2b', CollectionName: 'eventCodes', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' },
      ],
    ]);
  });
});
