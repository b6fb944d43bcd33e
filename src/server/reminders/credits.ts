/**
 * Subscribe-message credits per member and template (`${openid}_${templateKey}`): each accepted
 * one-time request adds one, a successful send spends one (a conditional decrement after WeChat
 * accepted the message). A send is attempted only when a credit is held; WeChat keeps the true
 * count, so a count that ran ahead of it (a credit used elsewhere) costs one 43101, recorded.
 */
import type { SubscribeChoice, TemplateKey } from '../../contract/reminder-models';
import type { SubscriptionCreditDoc } from '../../db/reminder-documents';
import type { Database } from '../cloud';
import { isDuplicateWrite } from '../docs';
import { TEMPLATES, templateKeyOf } from './templates';

export const creditId = (openid: string, key: TemplateKey): string => `${openid}_${key}`;

/** Records one wx.requestSubscribeMessage answer (and the 总是保持 choices); unknown ids are ignored. */
export async function recordAnswers(
  db: Database,
  openid: string,
  results: Record<string, SubscribeChoice>,
  keep: Record<string, 'accept' | 'reject'>,
  now: Date,
): Promise<void> {
  const _ = db.command;
  const keys = new Set<TemplateKey>();
  for (const id of [...Object.keys(results), ...Object.keys(keep)]) {
    const key = templateKeyOf(id);
    if (key) keys.add(key);
  }
  for (const key of keys) {
    const template = TEMPLATES[key];
    const accepted = results[template.id] === 'accept';
    const longTerm = template.mode === 'longTerm';
    const kept = keep[template.id] ?? null;
    const id = creditId(openid, key);
    const patch = {
      templateId: template.id,
      updatedAt: now,
      ...(kept ? { keep: kept } : {}),
      ...(accepted ? { acceptedAt: now, ...(longTerm ? { longTerm: true } : { credits: _.inc(1) }) } : {}),
    };
    // updatedAt always changes, so 0 updated means there is no document yet.
    const { updated } = await db.collection('subscriptionCredits').doc(id).update(patch);
    if (updated === 1 || (!accepted && kept === null)) continue;
    const fresh: SubscriptionCreditDoc = {
      _id: id,
      openid,
      templateKey: key,
      templateId: template.id,
      credits: accepted && !longTerm ? 1 : 0,
      longTerm: accepted && longTerm,
      keep: kept,
      acceptedAt: accepted ? now : null,
      updatedAt: now,
    };
    try {
      await db.collection('subscriptionCredits').add(fresh);
    } catch (err) {
      if (!isDuplicateWrite(err)) throw err;
      // Created meanwhile by the same member's other tap: add the acceptance to it.
      await db.collection('subscriptionCredits').doc(id).update(patch);
    }
  }
}

/** What each of these members holds for `key`: one-time credits left, or a long-term permission. */
export async function creditsFor(
  db: Database,
  openids: readonly string[],
  key: TemplateKey,
): Promise<Map<string, { credits: number; longTerm: boolean }>> {
  const _ = db.command;
  const held = new Map<string, { credits: number; longTerm: boolean }>();
  for (let i = 0; i < openids.length; i += 1000) {
    const ids = openids.slice(i, i + 1000).map((openid) => creditId(openid, key));
    const { data } = await db
      .collection('subscriptionCredits')
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get();
    for (const doc of data as SubscriptionCreditDoc[])
      held.set(doc.openid, { credits: doc.credits, longTerm: doc.longTerm });
  }
  return held;
}

/** Spends the credit a successful send used (never below zero). */
export async function spendCredit(db: Database, openid: string, key: TemplateKey): Promise<void> {
  const _ = db.command;
  await db
    .collection('subscriptionCredits')
    .where({ _id: creditId(openid, key), credits: _.gt(0) })
    .update({ credits: _.inc(-1) });
}

export async function creditsOf(db: Database, openid: string): Promise<SubscriptionCreditDoc[]> {
  const { data } = await db.collection('subscriptionCredits').where({ openid }).limit(100).get();
  return data as SubscriptionCreditDoc[];
}

/** Which of these members hold a credit (or a long-term permission) for `key`. */
export async function holdersOf(db: Database, openids: string[], key: TemplateKey): Promise<Set<string>> {
  const _ = db.command;
  const holders = new Set<string>();
  for (let i = 0; i < openids.length; i += 1000) {
    const ids = openids.slice(i, i + 1000).map((openid) => creditId(openid, key));
    const { data } = await db
      .collection('subscriptionCredits')
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get();
    for (const doc of data as SubscriptionCreditDoc[]) if (doc.credits > 0 || doc.longTerm) holders.add(doc.openid);
  }
  return holders;
}
