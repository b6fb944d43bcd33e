/**
 * The database emulation driven by the real @cloudbase/node-sdk 3.18.3 (and wx-server-sdk 4.0.2)
 * over HTTP: every operation the SDK sends, checked for results and types. This is the guard
 * against drift from CloudBase, so expectations follow CloudBase's documentation (cited inline).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { assertRedirected, localDatabase, startDbServer, type DbServer, errorOf, type Db } from './support/db-server';

let server: DbServer;
let db: Db;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-db-'));
  server = await startDbServer(dataDir, {
    collections: {
      members: { indexes: [{ name: 'branch_status_joined', keys: { branchId: 1, status: 1, joinedAt: -1 } }] },
      accounts: { indexes: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] },
    },
  });
  db = localDatabase(server.baseUrl);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await server.service.reset();
  await db.createCollection('todos');
  await db.createCollection('members');
  await db.createCollection('accounts');
  server.warnings.length = 0;
});

describe('redirect guard', () => {
  it('refuses to run when the SDK is not pointed at 127.0.0.1', () => {
    const saved = process.env.TCB_CONTEXT_CNFG;
    try {
      delete process.env.TCB_CONTEXT_CNFG;
      expect(() => assertRedirected()).toThrow(/refusing to reach the real CloudBase/);
      process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' });
      expect(() => assertRedirected()).toThrow(/refusing/);
    } finally {
      process.env.TCB_CONTEXT_CNFG = saved;
    }
    expect(() => assertRedirected()).not.toThrow();
  });
});

describe('collections', () => {
  it('must exist before use: DATABASE_COLLECTION_NOT_EXIST', async () => {
    // https://docs.cloudbase.net/en/error-code/basic/DATABASE_COLLECTION_NOT_EXIST
    const err = await errorOf(db.collection('missing').add({ a: 1 }));
    expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await errorOf(db.collection('missing').get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  it('createCollection makes one; creating it again fails', async () => {
    // "创建集合，如果集合已经存在会创建失败" — developers.weixin.qq.com …/database/Database.createCollection.md
    await db.createCollection('notes');
    await db.collection('notes').add({ a: 1 });
    expect((await db.collection('notes').count()).total).toBe(1);
    expect((await errorOf(db.createCollection('notes'))).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  it('a manifest collection exists only once created, like any other', async () => {
    await server.service.reset();
    expect((await errorOf(db.collection('members').get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    await db.createCollection('members');
    expect((await db.collection('members').get()).data).toEqual([]);
  });
});

describe('insert', () => {
  it('add() returns a generated 32-hex id and stores every value type', async () => {
    const before = Date.now();
    const res = await db.collection('todos').add({
      title: '学习',
      count: 3,
      ratio: 1.5,
      done: false,
      none: null,
      at: new Date('2024-05-01T08:00:00Z'),
      created: db.serverDate(),
      later: db.serverDate({ offset: 60_000 }),
      pattern: /ab+c/i,
      nested: { deep: { list: [1, 'two', { three: 3 }] } },
      location: new db.Geo.Point(113.3, 23.1),
    });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await db
      .collection('todos')
      .doc(res.id as string)
      .get();
    expect(data).toHaveLength(1);
    const doc = data[0];
    expect(doc).toMatchObject({
      _id: res.id,
      title: '学习',
      count: 3,
      ratio: 1.5,
      done: false,
      none: null,
      nested: { deep: { list: [1, 'two', { three: 3 }] } },
    });
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    // db.serverDate(): the server's time when the write happens, plus offset ms.
    expect(doc.created).toBeInstanceOf(Date);
    expect(doc.created.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(doc.created.getTime()).toBeLessThanOrEqual(Date.now() + 5);
    expect(doc.later.getTime() - doc.created.getTime()).toBe(60_000);
    expect(doc.pattern).toMatchObject({ pattern: 'ab+c', options: 'i' });
    expect(doc.location).toBeInstanceOf(db.Geo.Point);
    expect(doc.location).toMatchObject({ longitude: 113.3, latitude: 23.1 });
  });

  it('add([...]) inserts a batch and returns ids in order; an explicit _id is kept', async () => {
    const res = await db.collection('todos').add([{ n: 1 }, { _id: 'mine', n: 2 }, { n: 3 }]);
    expect(res.ids).toHaveLength(3);
    expect(res.ids?.[1]).toBe('mine');
    expect((await db.collection('todos').count()).total).toBe(3);
  });

  it('a duplicate _id fails with DATABASE_DUPLICATE_WRITE and writes nothing of the batch', async () => {
    // https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE
    await db.collection('todos').add({ _id: 'x', n: 1 });
    const err = await errorOf(db.collection('todos').add([{ _id: 'y' }, { _id: 'x', n: 2 }]));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection('todos').count()).total).toBe(1);
    expect((await db.collection('todos').doc('x').get()).data[0].n).toBe(1);
  });

  it('doc(id).set() on a missing document creates it (upsert) and reports upsertedId', async () => {
    const res = await db.collection('todos').doc('fresh').set({ title: 'new' });
    expect(res).toMatchObject({ updated: 0, upsertedId: 'fresh' });
    expect((await db.collection('todos').doc('fresh').get()).data).toEqual([{ _id: 'fresh', title: 'new' }]);
  });
});

describe('unique indexes from the manifest', () => {
  it('reject a duplicate key on insert and on update', async () => {
    await db.collection('accounts').add({ _id: 'a', phone: '138' });
    expect((await errorOf(db.collection('accounts').add({ _id: 'b', phone: '138' }))).code).toBe(
      'DATABASE_DUPLICATE_WRITE',
    );
    await db.collection('accounts').add({ _id: 'b', phone: '139' });
    expect((await errorOf(db.collection('accounts').doc('b').update({ phone: '138' }))).code).toBe(
      'DATABASE_DUPLICATE_WRITE',
    );
    expect((await db.collection('accounts').doc('b').get()).data[0].phone).toBe('139');
  });
});

describe('get', () => {
  beforeEach(async () => {
    await db.collection('todos').add([
      { _id: 'a', n: 1, tag: 'x', meta: { level: 2, by: 'li' }, at: new Date('2024-01-03T00:00:00Z') },
      { _id: 'b', n: 5, tag: 'y', meta: { level: 1, by: 'wang' }, at: new Date('2024-01-01T00:00:00Z') },
      { _id: 'c', n: 3, tag: 'x', meta: { level: 3, by: 'zhang' }, at: new Date('2024-01-02T00:00:00Z') },
      { _id: 'd', n: 4, tag: 'z', list: ['p', 'q'], at: new Date('2024-01-04T00:00:00Z') },
    ]);
  });

  it('where + orderBy + skip + limit + field', async () => {
    const _ = db.command;
    const res = await db
      .collection('todos')
      .where({ n: _.gt(1) })
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .field({ n: true })
      .get();
    expect(res.data).toEqual([
      { _id: 'd', n: 4 },
      { _id: 'c', n: 3 },
    ]);
  });

  it('orderBy on two fields, dates compare as dates', async () => {
    const byTagThenAt = await db.collection('todos').orderBy('tag', 'asc').orderBy('at', 'desc').get();
    expect(byTagThenAt.data.map((doc: { _id: string }) => doc._id)).toEqual(['a', 'c', 'b', 'd']);
    const _ = db.command;
    const recent = await db
      .collection('todos')
      .where({ at: _.gte(new Date('2024-01-03T00:00:00Z')) })
      .get();
    expect(recent.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(['a', 'd']);
  });

  it('nested fields by object and by dot path; arrays match by element', async () => {
    const byObject = await db
      .collection('todos')
      .where({ meta: { by: 'li' } })
      .get();
    expect(byObject.data.map((doc: { _id: string }) => doc._id)).toEqual(['a']);
    const _ = db.command;
    const byPath = await db
      .collection('todos')
      .where({ 'meta.level': _.lte(2) })
      .get();
    expect(byPath.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(['a', 'b']);
    const byElement = await db.collection('todos').where({ list: 'q' }).get();
    expect(byElement.data.map((doc: { _id: string }) => doc._id)).toEqual(['d']);
  });

  it('logic and regular-expression commands', async () => {
    const _ = db.command;
    const or = await db
      .collection('todos')
      .where(_.or([{ n: 1 }, { tag: 'z' }]))
      .get();
    expect(or.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(['a', 'd']);
    const inList = await db
      .collection('todos')
      .where({ tag: _.in(['y', 'z']), n: _.neq(4) })
      .get();
    expect(inList.data.map((doc: { _id: string }) => doc._id)).toEqual(['b']);
    const regex = await db
      .collection('todos')
      .where({ 'meta.by': db.RegExp({ regexp: '^Z', options: 'i' }) })
      .get();
    expect(regex.data.map((doc: { _id: string }) => doc._id)).toEqual(['c']);
    const native = await db.collection('todos').where({ 'meta.by': /an/ }).get();
    expect(native.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(['b', 'c']);
  });

  it('doc(id).get() returns a one-element list, or an empty one', async () => {
    expect((await db.collection('todos').doc('b').get()).data).toHaveLength(1);
    expect((await db.collection('todos').doc('nope').get()).data).toEqual([]);
  });

  it('count() counts matches', async () => {
    expect((await db.collection('todos').where({ tag: 'x' }).count()).total).toBe(2);
    expect((await db.collection('todos').count()).total).toBe(4);
  });
});

describe('limits', () => {
  beforeEach(async () => {
    const docs = Array.from({ length: 1100 }, (_, i) => ({ i }));
    for (let start = 0; start < docs.length; start += 500)
      await db.collection('todos').add(docs.slice(start, start + 500));
  });

  it('returns 100 documents by default', async () => {
    // In functions: 100 without limit(), at most 1000 with it (@cloudbase/database src/query.ts get();
    // https://developers.weixin.qq.com/community/develop/doc/0000a24f718e889a6b7b8fb2d5ac00).
    expect((await db.collection('todos').get()).data).toHaveLength(100);
  });

  it('caps limit at 1000 on the server, whatever the client asks', async () => {
    expect((await db.collection('todos').limit(1000).get()).data).toHaveLength(1000);
    const raw = await server.service.handle('database.getDocument', {
      collectionName: 'todos',
      queryType: 'WHERE',
      limit: 5000,
    });
    expect((raw.data as { list: unknown[] }).list).toHaveLength(1000);
    expect(raw.limit).toBe(1000);
  });
});

describe('update', () => {
  beforeEach(async () => {
    await db.collection('todos').add({ _id: 'u', n: 1, tags: ['a'], meta: { x: 1, y: 2 }, gone: true, price: 10 });
  });

  async function current(): Promise<Record<string, unknown>> {
    return (await db.collection('todos').doc('u').get()).data[0] as Record<string, unknown>;
  }

  it('update operators, nested objects merge by dot path', async () => {
    const _ = db.command;
    const res = await db
      .collection('todos')
      .doc('u')
      .update({
        n: _.inc(2),
        tags: _.push(['b', 'c']),
        meta: { y: 3, z: 4 },
        gone: _.remove(),
        price: _.mul(1.5),
        stamp: db.serverDate(),
      });
    expect(res.updated).toBe(1);
    const doc = await current();
    expect(doc).toMatchObject({ n: 3, tags: ['a', 'b', 'c'], meta: { x: 1, y: 3, z: 4 }, price: 15 });
    expect(doc).not.toHaveProperty('gone');
    expect(doc.stamp).toBeInstanceOf(Date);
  });

  it('_.set replaces a nested object instead of merging it', async () => {
    const _ = db.command;
    await db
      .collection('todos')
      .doc('u')
      .update({ meta: _.set({ only: true }) });
    expect((await current()).meta).toEqual({ only: true });
  });

  it('array commands: addToSet, pull, pop, unshift', async () => {
    const _ = db.command;
    await db
      .collection('todos')
      .doc('u')
      .update({ tags: _.addToSet('a') });
    expect((await current()).tags).toEqual(['a']);
    await db
      .collection('todos')
      .doc('u')
      .update({ tags: _.unshift(['z', 'y']) });
    expect((await current()).tags).toEqual(['z', 'y', 'a']);
    await db
      .collection('todos')
      .doc('u')
      .update({ tags: _.pull('y') });
    await db.collection('todos').doc('u').update({ tags: _.pop() });
    expect((await current()).tags).toEqual(['z']);
  });

  it('updating a missing document updates nothing', async () => {
    expect((await db.collection('todos').doc('none').update({ n: 1 })).updated).toBe(0);
    expect((await db.collection('todos').count()).total).toBe(1);
  });

  it('where().update() updates every match (multi)', async () => {
    await db.collection('todos').add([
      { _id: 'v', n: 1 },
      { _id: 'w', n: 7 },
    ]);
    const _ = db.command;
    const res = await db
      .collection('todos')
      .where({ n: _.lt(5) })
      .update({ flagged: true });
    expect(res.updated).toBe(2);
    expect((await db.collection('todos').where({ flagged: true }).count()).total).toBe(2);
  });

  it('doc(id).set() replaces the whole document but keeps _id', async () => {
    const res = await db.collection('todos').doc('u').set({ only: 'this' });
    expect(res.updated).toBe(1);
    expect(await current()).toEqual({ _id: 'u', only: 'this' });
  });

  it('updateAndReturn returns the updated document', async () => {
    const _ = db.command;
    const res = await db
      .collection('todos')
      .where({ _id: 'u' })
      .updateAndReturn({ n: _.inc(10) });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ _id: 'u', n: 11 });
    const none = await db.collection('todos').where({ _id: 'none' }).updateAndReturn({ n: 1 });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
  });

  it('rejects an update of _id', async () => {
    expect((await errorOf(db.collection('todos').doc('u').update({ _id: 'other' }))).code).toBe('INVALID_PARAM');
  });
});

describe('remove', () => {
  it('doc(id).remove() and where().remove()', async () => {
    await db.collection('todos').add([
      { _id: 'a', k: 1 },
      { _id: 'b', k: 2 },
      { _id: 'c', k: 2 },
    ]);
    expect((await db.collection('todos').doc('a').remove()).deleted).toBe(1);
    expect((await db.collection('todos').doc('a').remove()).deleted).toBe(0);
    expect((await db.collection('todos').where({ k: 2 }).remove()).deleted).toBe(2);
    expect((await db.collection('todos').count()).total).toBe(0);
  });
});

describe('aggregate', () => {
  beforeEach(async () => {
    await db.createCollection('branches');
    await db.collection('branches').add([
      { _id: 'b1', name: '一支部' },
      { _id: 'b2', name: '二支部' },
    ]);
    await db.collection('todos').add([
      { branchId: 'b1', hours: 2 },
      { branchId: 'b1', hours: 3 },
      { branchId: 'b2', hours: 4 },
      { branchId: 'b2', hours: 1, skip: true },
    ]);
  });

  it('node-sdk: end() resolves { data: [...] }', async () => {
    // @cloudbase/database src/aggregate.ts end(): `{ requestId, data: list.map(EJSON.parse) }`.
    const $ = db.command.aggregate;
    const res = await db
      .collection('todos')
      .aggregate()
      .match({ skip: db.command.neq(true) })
      .group({ _id: '$branchId', total: $.sum('$hours') })
      .sort({ total: -1 })
      .lookup({ from: 'branches', localField: '_id', foreignField: '_id', as: 'branch' })
      .end();
    expect(res.data).toEqual([
      { _id: 'b1', total: 5, branch: [{ _id: 'b1', name: '一支部' }] },
      { _id: 'b2', total: 4, branch: [{ _id: 'b2', name: '二支部' }] },
    ]);
  });

  it('wx-server-sdk: the same wire reply resolves { list: [...] }', async () => {
    // wx-server-sdk index.js Aggregate.end(): `{ list: result.data, errMsg }`.
    // wx-server-sdk's typings declare env as a string; the SDK itself takes this symbol.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    const wxDb = cloud.database();
    const res = (await wxDb
      .collection('todos')
      .aggregate()
      .group({ _id: null, n: wxDb.command.aggregate.sum(1) })
      .end()) as { list: unknown[] };
    expect(res.list).toEqual([{ _id: null, n: 4 }]);
    const got = (await wxDb.collection('todos').where({ branchId: 'b2' }).get()) as { data: unknown[] };
    expect(got.data).toHaveLength(2);
  });
});

describe('indexes', () => {
  beforeEach(async () => {
    await db.collection('members').add([
      { _id: 'm1', branchId: 'b1', status: 'active', joinedAt: new Date('2024-01-01T00:00:00Z') },
      { _id: 'm2', branchId: 'b1', status: 'left', joinedAt: new Date('2024-02-01T00:00:00Z') },
      { _id: 'm3', branchId: 'b2', status: 'active', joinedAt: new Date('2024-03-01T00:00:00Z') },
    ]);
    server.warnings.length = 0;
  });

  it('a declared-index prefix or an _id lookup runs without a warning', async () => {
    const _ = db.command;
    const res = await db.collection('members').where({ branchId: 'b1', status: 'active' }).get();
    expect(res.data.map((doc: { _id: string }) => doc._id)).toEqual(['m1']);
    const byIn = await db
      .collection('members')
      .where({ branchId: _.in(['b1', 'b2']), status: 'active' })
      .orderBy('joinedAt', 'desc')
      .get();
    expect(byIn.data.map((doc: { _id: string }) => doc._id)).toEqual(['m3', 'm1']);
    await db.collection('members').doc('m2').get();
    expect(server.warnings).toEqual([]);
  });

  it('warns about a query no index supports, and still answers it', async () => {
    const res = await db.collection('members').where({ status: 'active' }).get();
    expect(res.data).toHaveLength(2);
    expect(server.warnings).toHaveLength(1);
    expect(server.warnings[0]).toMatch(/not supported by an index.*members/);
  });

  describe('a $lookup reads its joined collection like a query', () => {
    beforeEach(async () => {
      await db.collection('todos').add([
        { _id: 't1', owner: 'm1', title: '学习' },
        { _id: 't2', owner: ['m2', 'm3'], title: '打卡' },
        { _id: 't3', title: '无人' },
      ]);
      server.warnings.length = 0;
    });

    it('by the values the input brings to an indexed foreignField', async () => {
      const res = await db
        .collection('todos')
        .aggregate()
        .match({ _id: db.command.in(['t1', 't2']) })
        .lookup({ from: 'members', localField: 'owner', foreignField: '_id', as: 'owners' })
        .end();
      const owners = (res.data as { _id: string; owners: { _id: string }[] }[]).map((doc) => [
        doc._id,
        doc.owners.map((owner) => owner._id).sort(),
      ]);
      expect(owners).toEqual([
        ['t1', ['m1']],
        ['t2', ['m2', 'm3']],
      ]);
      expect(server.warnings).toEqual([]);
    });

    it("by a sub-pipeline's leading $match, after stages that reshaped the input", async () => {
      const res = await db
        .collection('todos')
        .aggregate()
        .match({ _id: 't1' })
        .replaceRoot({ newRoot: { todo: '$$ROOT' } })
        .lookup({ from: 'members', pipeline: [{ $match: { _id: 'm3' } }], as: 'member' })
        .end();
      expect(res.data).toEqual([
        {
          todo: { _id: 't1', owner: 'm1', title: '学习' },
          member: [{ _id: 'm3', branchId: 'b2', status: 'active', joinedAt: new Date('2024-03-01T00:00:00Z') }],
        },
      ]);
      expect(server.warnings).toEqual([]);
    });

    it('a missing localField joins documents without the foreign field, and warns that it scanned', async () => {
      await db.collection('members').add({ _id: 'm0', status: 'active' });
      server.warnings.length = 0;
      const res = await db
        .collection('todos')
        .aggregate()
        .match({ _id: 't3' })
        .lookup({ from: 'members', localField: 'owner', foreignField: 'branchId', as: 'owners' })
        .end();
      expect((res.data as { owners: { _id: string }[] }[])[0]!.owners.map((doc) => doc._id)).toEqual(['m0']);
      expect(server.warnings).toHaveLength(1);
      expect(server.warnings[0]).toMatch(/not supported by an index.*members/);
    });

    it('with variables, reads the collection whole, answers right and warns', async () => {
      const $ = db.command.aggregate;
      const res = await db
        .collection('todos')
        .aggregate()
        .match({ _id: 't1' })
        .lookup({
          from: 'members',
          let: { owner: '$owner' },
          pipeline: [{ $match: { $expr: $.eq(['$_id', '$$owner']) } }],
          as: 'owners',
        })
        .end();
      expect((res.data as { owners: { _id: string }[] }[])[0]!.owners.map((doc) => doc._id)).toEqual(['m1']);
      expect(server.warnings).toHaveLength(1);
    });
  });

  it('stays correct once an indexed field holds an array', async () => {
    await db.collection('members').add({ _id: 'm4', branchId: ['b1', 'b3'], status: 'active' });
    const res = await db.collection('members').where({ branchId: 'b3', status: 'active' }).get();
    expect(res.data.map((doc: { _id: string }) => doc._id)).toEqual(['m4']);
  });
});
