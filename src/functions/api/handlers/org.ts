/** org.*: an organisation's page, the public directory of names, and a committee office adding and renaming organisations. */
import { AppError, type ActionName } from '../../../contract';
import type { MemberDoc, OrganizationDoc } from '../../../db/documents';
import { isOfficeOf, managesOrg } from '../../../domain/org-access';
import { existingOrg, loadCaller, managedOrg, visibleOrg } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { newId } from '../../../server/ids';
import { orgView, orgViews } from '../../../server/org-views';
import { readPage } from '../../../server/paging';
import type { Handler, HandlerContext } from './types';

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);

async function parentName(db: Database, org: OrganizationDoc): Promise<string> {
  return org.parentId ? ((await visibleName(db, org.parentId)) ?? '') : '';
}

async function visibleName(db: Database, id: string): Promise<string | null> {
  const { data } = await db.collection('organizations').doc(id).get();
  return (data as OrganizationDoc[])[0]?.name ?? null;
}

const get: Handler<'org.get'> = async ({ orgId }, ctx) => {
  const who = await caller(ctx);
  const org = await visibleOrg(ctx.db, who, orgId);
  const active = ctx.db.collection('members').where({ branchId: org._id, status: 'active' });
  const [{ total }, secretaries] = await Promise.all([
    active.count(),
    ctx.db.collection('members').where({ branchId: org._id, status: 'active', role: 'secretary' }).limit(1).get(),
  ]);
  return {
    ...orgView(org, await parentName(ctx.db, org)),
    memberCount: total,
    secretaryName: (secretaries.data as MemberDoc[])[0]?.name ?? null,
    canManage: managesOrg(who, org),
  };
};

const directory: Handler<'org.directory'> = async ({ parentId, offset, limit }, ctx) => {
  const where = parentId === undefined ? { kind: 'committee', parentId: null } : { parentId };
  const query = ctx.db.collection('organizations').where(where).orderBy('name', 'asc');
  const { docs, nextOffset } = await readPage<OrganizationDoc>(query, offset, limit);
  return { items: await orgViews(ctx.db, docs), nextOffset };
};

async function assertNameFree(db: Database, parentId: string, name: string, except?: string): Promise<void> {
  const { data } = await db.collection('organizations').where({ parentId, name }).limit(2).get();
  if ((data as OrganizationDoc[]).some((org) => org._id !== except))
    throw new AppError('INVALID_INPUT', '同一党委下已有同名组织', {
      details: [{ path: 'name', message: '同一党委下已有同名组织' }],
    });
}

const create: Handler<'org.create'> = async ({ kind, name, category, parentId }, ctx) => {
  const who = await caller(ctx);
  const parent = await existingOrg(ctx.db, parentId);
  if (parent.kind !== 'committee') throw new AppError('NOT_FOUND', '上级党委不存在');
  if (!isOfficeOf(who, parent)) throw new AppError('FORBIDDEN', '只有该党委的组织部门可以添加组织');
  await assertNameFree(ctx.db, parentId, name);
  const org: OrganizationDoc = { _id: newId(), kind, name, category, parentId, createdAt: ctx.now };
  const { _id, ...rest } = org;
  await ctx.db.collection('organizations').doc(_id).set(rest);
  return orgView(org, parent.name);
};

const update: Handler<'org.update'> = async ({ orgId, name, category }, ctx) => {
  const who = await caller(ctx);
  const org = await managedOrg(ctx.db, who, orgId);
  if (org.kind === 'committee') throw new AppError('FORBIDDEN', '党委信息请联系上级组织部门修改');
  if (name !== undefined && org.parentId) await assertNameFree(ctx.db, org.parentId, name, org._id);
  const patch = { ...(name === undefined ? {} : { name }), ...(category === undefined ? {} : { category }) };
  if (Object.keys(patch).length > 0) await ctx.db.collection('organizations').doc(orgId).update(patch);
  return orgView({ ...org, ...patch }, await parentName(ctx.db, org));
};

export const orgHandlers = {
  'org.get': get,
  'org.directory': directory,
  'org.create': create,
  'org.update': update,
} satisfies { [A in Extract<ActionName, `org.${string}`>]: Handler<A> };
