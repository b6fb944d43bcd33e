/**
 * Image checks (`security.mediaCheckAsync` v2). WeChat downloads the image from a public URL (a
 * temporary link of the stored file, never its cloud:// id) and answers later with a
 * `wxa_media_check` message push, matched by trace_id (src/functions/push). One MediaCheckDoc per
 * image of a post or notice (`_id` from both), claimed before WeChat is called, so retries racing
 * each other start one check per image; its trace_id is added when WeChat answers, its verdict is
 * set once.
 */
import { createHash } from 'node:crypto';
import type { MediaCheckDoc, MediaTargetKind } from '../db/documents';
import type { Database } from './cloud';
import type { ContentScene, ContentVerdict } from './content-security';
import { isDuplicateWrite } from './docs';
import { temporaryLinks } from './files';
import { wechatOpenApi } from './wechat';

/** A post or notice has at most nine images. */
const MAX_CHECKS = 50;
/** mediaCheckAsync's media_type for an image. */
const MEDIA_IMAGE = 2;

export async function checksOf(db: Database, targetId: string): Promise<MediaCheckDoc[]> {
  const { data } = await db.collection('mediaChecks').where({ targetId }).limit(MAX_CHECKS).get();
  return data as MediaCheckDoc[];
}

export function mediaCheckId(targetId: string, fileID: string): string {
  return `${targetId}_${createHash('sha256').update(fileID).digest('hex').slice(0, 16)}`;
}

/**
 * Starts a check for every file of the target that has none yet (so a retried request resumes
 * where a failed call stopped). A failed call gives its claim back and throws: the target stays
 * unpublished, and a retry starts that check again.
 */
export async function startMediaChecks(
  db: Database,
  target: { kind: MediaTargetKind; id: string },
  fileIDs: readonly string[],
  openid: string,
  scene: ContentScene,
  now: Date,
): Promise<void> {
  const existing = await checksOf(db, target.id);
  const missing = fileIDs.filter((fileID) => !existing.some((check) => check.fileID === fileID));
  if (missing.length === 0) return;
  const claimed = (
    await Promise.all(
      missing.map(async (fileID) => {
        const claim: MediaCheckDoc = {
          _id: mediaCheckId(target.id, fileID),
          targetKind: target.kind,
          targetId: target.id,
          fileID,
          traceId: null,
          verdict: null,
          label: null,
          createdAt: now,
          decidedAt: null,
        };
        try {
          await db.collection('mediaChecks').add(claim);
          return [fileID];
        } catch (err) {
          if (isDuplicateWrite(err)) return []; // a concurrent retry started this one
          throw err;
        }
      }),
    )
  ).flat();
  if (claimed.length === 0) return;
  const links = await temporaryLinks(claimed);
  const failures = await Promise.all(
    claimed.map(async (fileID) => {
      const id = mediaCheckId(target.id, fileID);
      try {
        const url = links.get(fileID);
        if (!url) throw new Error(`no temporary link for ${fileID}`);
        const answer = (await wechatOpenApi().security.mediaCheckAsync({
          openid,
          scene,
          version: 2,
          mediaType: MEDIA_IMAGE,
          mediaUrl: url,
        })) as { traceId?: string };
        if (!answer.traceId) throw new Error('mediaCheckAsync answered no trace_id');
        await db.collection('mediaChecks').doc(id).update({ traceId: answer.traceId });
        return null;
      } catch (err) {
        await db.collection('mediaChecks').where({ _id: id, traceId: null }).remove();
        return err;
      }
    }),
  );
  const failed = failures.find((err) => err !== null);
  if (failed) throw failed;
}

/**
 * Records the verdict of `traceId` if it has none yet. Answers the check it decided, or null for
 * an unknown trace_id or a verdict already recorded (a repeated push changes nothing).
 */
export async function recordVerdict(
  db: Database,
  traceId: string,
  verdict: ContentVerdict,
  label: number | null,
  now: Date,
): Promise<MediaCheckDoc | null> {
  const { updated } = await db
    .collection('mediaChecks')
    .where({ traceId, verdict: null })
    .update({ verdict, label, decidedAt: now });
  if (updated !== 1) return null;
  const { data } = await db.collection('mediaChecks').where({ traceId }).limit(1).get();
  return (data as MediaCheckDoc[])[0] ?? null;
}

/** The verdict of each file, in the order given (null: not answered). */
export function verdictsOf(fileIDs: readonly string[], checks: readonly MediaCheckDoc[]): (ContentVerdict | null)[] {
  return fileIDs.map((fileID) => checks.find((check) => check.fileID === fileID)?.verdict ?? null);
}
