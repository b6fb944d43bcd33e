/**
 * Places where a local cloud answering differently from CloudBase would mislead a developer
 * (issue 16), driven through the real @cloudbase/node-sdk. Expectations follow CloudBase's
 * documented behaviour, its SDK's own assertions and MongoDB's semantics (CloudBase's engine).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ObjectId } from 'bson';
import { localDatabase, startDbServer, type DbServer, errorOf, type Db } from './support/db-server';

let server: DbServer;
let db: Db;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-db-fidelity-'));
  server = await startDbServer(dataDir, { collections: {} });
  db = localDatabase(server.baseUrl);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await server.service.reset();
  await db.createCollection('todos');
  await db.createCollection('people');
});

function ids(res: { data: { _id: string }[] }): string[] {
  return res.data.map((doc) => doc._id).sort();
}

describe('update counts', () => {
  beforeEach(async () => {
    await db.collection('todos').add({ _id: 'u', n: 1, title: 'same' });
  });

  it('updateAndReturn counts the matched document even when nothing changes', async () => {
    // findAndModify reports the document it found: the SDK's own tests assert updated === 1.
    const res = await db.collection('todos').where({ _id: 'u' }).updateAndReturn({ n: 1 });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'u', n: 1, title: 'same' });
  });

  it('doc().set() counts the replaced document even when its content is identical', async () => {
    const res = await db.collection('todos').doc('u').set({ n: 1, title: 'same' });
    expect(res.updated).toBe(1);
    expect((await db.collection('todos').doc('u').get()).data).toEqual([{ _id: 'u', n: 1, title: 'same' }]);
  });

  it('doc().update() and where().update() count modified documents, like MongoDB nModified', async () => {
    expect((await db.collection('todos').doc('u').update({ n: 2 })).updated).toBe(1);
    expect((await db.collection('todos').doc('u').update({ n: 2 })).updated).toBe(0);
    expect((await db.collection('todos').where({ title: 'same' }).update({ n: 2 })).updated).toBe(0);
  });
});

describe('db.ObjectId', () => {
  it('add({ _id: db.ObjectId() }) keeps the id and returns its 24 hex digits as id', async () => {
    const hex = new ObjectId().toHexString();
    const res = await db.collection('todos').add({ _id: db.ObjectId({ id: hex }), n: 1 });
    expect(res.id).toBe(hex);
    const found = await db
      .collection('todos')
      .where({ _id: db.ObjectId({ id: hex }) })
      .get();
    expect(found.data).toEqual([{ _id: hex, n: 1 }]);
  });

  it('an ObjectId field is stored as one, matched by ObjectId and returned as its hex string', async () => {
    const hex = new ObjectId().toHexString();
    await db.collection('todos').add({ _id: 'a', owner: db.ObjectId({ id: hex }) });
    await db.collection('todos').add({ _id: 'b', owner: hex });
    const byOid = await db
      .collection('todos')
      .where({ owner: db.ObjectId({ id: hex }) })
      .get();
    expect(byOid.data).toEqual([{ _id: 'a', owner: hex }]);
    // A string of the same digits is another value, as in MongoDB.
    expect(ids(await db.collection('todos').where({ owner: hex }).get())).toEqual(['b']);
  });

  it('survives an update and a set, and joins in $lookup', async () => {
    const person = new ObjectId().toHexString();
    const todo = new ObjectId().toHexString();
    await db.collection('people').add({ _id: db.ObjectId({ id: person }), name: '李' });
    await db.collection('todos').add({ _id: db.ObjectId({ id: todo }), owner: db.ObjectId({ id: person }), n: 1 });
    await db
      .collection('todos')
      .where({ _id: db.ObjectId({ id: todo }) })
      .update({ n: db.command.inc(1) });
    const joined = await db
      .collection('todos')
      .aggregate()
      .lookup({ from: 'people', localField: 'owner', foreignField: '_id', as: 'people' })
      .end();
    expect(joined.data).toEqual([{ _id: todo, owner: person, n: 2, people: [{ _id: person, name: '李' }] }]);
    const stillOid = await db
      .collection('todos')
      .where({ owner: db.ObjectId({ id: person }) })
      .count();
    expect(stillOid.total).toBe(1);
  });
});

describe('field names beginning with $', () => {
  it('are refused on insert, at any depth, with DATABASE_REQUEST_FAILED', async () => {
    const top = await errorOf(db.collection('todos').add({ $_key: 1 }));
    expect(top.code).toBe('DATABASE_REQUEST_FAILED');
    expect(top.message).toMatch(/\$_key/);
    expect((await errorOf(db.collection('todos').add({ a: { $b: 1 } }))).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.collection('todos').count()).total).toBe(0);
  });

  it('are refused in a replacement and in an updated value', async () => {
    await db.collection('todos').add({ _id: 'u', a: {} });
    expect(
      (
        await errorOf(
          db
            .collection('todos')
            .doc('u')
            .set({ a: { $b: 1 } }),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED');
    const _ = db.command;
    expect(
      (
        await errorOf(
          db
            .collection('todos')
            .doc('u')
            .update({ a: _.set({ $b: 1 }) }),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.collection('todos').doc('u').get()).data).toEqual([{ _id: 'u', a: {} }]);
  });
});

describe('$elemMatch', () => {
  beforeEach(async () => {
    await db.collection('todos').add([
      { _id: 'plain', scores: [1, 5] },
      { _id: 'embedded', scores: [{ value: 3 }, { value: -1 }] },
      { _id: 'negative', scores: [{ value: -2 }] },
    ]);
  });

  it('with a field condition matches only arrays of embedded documents', async () => {
    const _ = db.command;
    const res = await db
      .collection('todos')
      .where({ scores: _.elemMatch({ value: _.gt(0) }) })
      .get();
    expect(ids(res)).toEqual(['embedded']);
  });

  it('with operator conditions tests the elements themselves', async () => {
    const _ = db.command;
    const res = await db
      .collection('todos')
      .where({ scores: _.elemMatch(_.gt(2)) })
      .get();
    expect(ids(res)).toEqual(['plain']);
  });
});

describe('query and aggregation operators', () => {
  beforeEach(async () => {
    await db.collection('todos').add({
      _id: 't',
      text: 'cafétéria',
      han: '联建通小程序',
      at: new Date('2019-05-14T10:00:00Z'),
      n: 3,
      tags: ['a'],
    });
  });

  async function project(spec: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await db.collection('todos').aggregate().project(spec).end();
    return (res.data as Record<string, unknown>[])[0];
  }

  it('$indexOfCP counts code points', async () => {
    const $ = db.command.aggregate;
    expect(
      await project({
        _id: 0,
        found: $.indexOfCP(['$text', 'té']),
        missing: $.indexOfCP(['$text', 'x']),
        from: $.indexOfCP(['$han', '小', 1, 6]),
      }),
    ).toEqual({ found: 4, missing: -1, from: 3 });
  });

  it('$substr and $substrBytes with length -1 run to the end of the string', async () => {
    const $ = db.command.aggregate;
    expect(
      await project({
        _id: 0,
        rest: $.substr(['$text', 5, -1]),
        restBytes: $.substrBytes(['$han', 6, -1]),
        some: $.substrBytes(['$han', 0, 6]),
      }),
    ).toEqual({ rest: 'téria', restBytes: '通小程序', some: '联建' });
  });

  it('$substrBytes refuses a range that splits a UTF-8 character', async () => {
    const $ = db.command.aggregate;
    const err = await errorOf(
      db
        .collection('todos')
        .aggregate()
        .project({ cut: $.substrBytes(['$han', 1, 3]) })
        .end(),
    );
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
  });

  it('$week counts Sunday-based weeks: 2019-05-14 is week 19', async () => {
    const $ = db.command.aggregate;
    expect(
      await project({
        _id: 0,
        week: $.week('$at'),
        newYear: $.week(new Date('2019-01-01T00:00:00Z')),
        firstSunday: $.week(new Date('2019-01-06T00:00:00Z')),
        shanghai: $.week({ date: new Date('2019-01-05T18:00:00Z'), timezone: 'Asia/Shanghai' }),
      }),
    ).toEqual({ week: 19, newYear: 0, firstSunday: 1, shanghai: 1 });
  });

  it('$jsonSchema filters documents, bsonType included', async () => {
    const _ = db.command;
    await db.collection('todos').add({ _id: 'loose', text: 7 });
    const matching = await db
      .collection('todos')
      .where(
        _.jsonSchema({
          required: ['text'],
          properties: { text: { bsonType: 'string', minLength: 3 }, n: { bsonType: 'int', minimum: 1 } },
        }),
      )
      .get();
    expect(ids(matching)).toEqual(['t']);
    const err = await errorOf(
      db
        .collection('todos')
        .where(_.jsonSchema({ bsonType: 'object', frobnicate: true }))
        .get(),
    );
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
  });
});

describe('geo queries', () => {
  // CloudBase answers geo queries only on a field with a geo index; the manifest has no geo index
  // kind, so the local cloud refuses them as CloudBase does for a field without one.
  beforeEach(async () => {
    await db.collection('todos').add({ _id: 'p', location: new db.Geo.Point(113.3, 23.1) });
  });

  it('geoNear, geoWithin and geoIntersects fail like a field without a geo index', async () => {
    const _ = db.command;
    const point = new db.Geo.Point(113.3, 23.1);
    // node-sdk's typings declare only Geo.Point; the SDK itself has every GeoJSON shape.
    const Geo = db.Geo as unknown as Record<'Point' | 'LineString' | 'Polygon', new (...args: unknown[]) => unknown>;
    const ring = [
      [113, 23],
      [114, 23],
      [114, 24],
      [113, 24],
      [113, 23],
    ].map(([lng, lat]) => new Geo.Point(lng, lat));
    const square = new Geo.Polygon([new Geo.LineString(ring)]);
    for (const condition of [
      _.geoNear({ geometry: point, maxDistance: 1000 }),
      _.geoWithin({ geometry: square }),
      _.geoIntersects({ geometry: square }),
    ]) {
      const err = await errorOf(db.collection('todos').where({ location: condition }).get());
      expect(err.code).toBe('DATABASE_REQUEST_FAILED');
      expect(err.message).toMatch(/unable to find index for \$\w+ query on field location/);
    }
  });

  it('the $geoNear stage fails the same way', async () => {
    const err = await errorOf(
      db
        .collection('todos')
        .aggregate()
        .geoNear({ distanceField: 'distance', spherical: true, near: new db.Geo.Point(113.3, 23.1) })
        .end(),
    );
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
    expect(err.message).toMatch(/\$geoNear requires a 2d or 2dsphere index/);
  });

  it('GeoJSON values still round-trip', async () => {
    const doc = (await db.collection('todos').doc('p').get()).data[0];
    expect(doc.location).toMatchObject({ longitude: 113.3, latitude: 23.1 });
  });
});
