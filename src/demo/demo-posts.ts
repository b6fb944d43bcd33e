/**
 * Demo posts (活动风采) and notices (通知公告), so the 风采 tab, 我的风采, the moderation list, the
 * 通知 list, a notice's receipts and the unread badge have something to show at once: published
 * posts with photos on the joint tea-garden day, one waiting for a secretary, one rejected with its
 * reason; a pinned branch notice, a pairing notice to both sides and a committee notice, with some
 * receipts. The photos are stored in cloud storage through the SDK like any upload.
 */
import tcb from '@cloudbase/node-sdk';
import type { NoticeDoc, NoticeReadDoc, PostDoc } from '../db/documents';
import type { Database } from '../server/cloud';
import { writeNoticeFeed, receiptId } from '../server/notices';
import { uploadFolder } from '../server/files';
import { likeId, writePostFeed } from '../server/posts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** A 1×1 PNG: enough for a thumbnail placeholder in DevTools. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const DEMO_POSTS = {
  published: 'demo-post-tea',
  secretary: 'demo-post-tea-2',
  pending: 'demo-post-pending',
  rejected: 'demo-post-rejected',
} as const;

export const DEMO_NOTICES = {
  branch: 'demo-notice-branch',
  pairing: 'demo-notice-pairing',
  committee: 'demo-notice-committee',
} as const;

export interface DemoPostPeople {
  jointEventId: string;
  jointEventTitle: string;
  pairingId: string;
  pairingName: string;
  financeBranchId: string;
  hongqiBranchId: string;
  committeeId: string;
  committeeName: string;
  committeeBranches: string[];
  secretary: { openid: string; name: string };
  member: { openid: string; name: string };
  committeeMember: { openid: string; name: string };
  office: { openid: string; name: string };
}

/** A photo 王芳 has uploaded for a post and not posted yet (its path is where the composer would put it). */
export function demoReadyPhotoPath(memberOpenid: string): string {
  return `${uploadFolder(memberOpenid, 'post')}demo-ready.png`;
}

async function storePhotos(paths: string[]): Promise<string[]> {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return Promise.all(
    paths.map(async (cloudPath) => {
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: PIXEL });
      return fileID;
    }),
  );
}

export async function seedDemoPosts(db: Database, people: DemoPostPeople, now: Date): Promise<string[]> {
  const folder = (openid: string) => uploadFolder(openid, 'post');
  const photos = await storePhotos([
    ...['tea-1', 'tea-2', 'tea-3'].map((name) => `${folder(people.member.openid)}${name}.png`),
    `${folder(people.secretary.openid)}tea-4.png`,
    `${folder(people.committeeMember.openid)}pending-1.png`,
    `${folder(people.member.openid)}rejected-1.png`,
    demoReadyPhotoPath(people.member.openid),
  ]);
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const base = {
    eventId: people.jointEventId,
    eventTitle: people.jointEventTitle,
    ownerKey: `pairing_${people.pairingId}`,
    audience: [people.financeBranchId, people.hongqiBranchId],
    authorBranchId: people.financeBranchId,
    textVerdict: 'pass' as const,
    textTraceId: 'demo',
    needsReview: false,
    reason: null,
    decidedBy: null,
    likes: 0,
  };
  const posts: PostDoc[] = [
    {
      ...base,
      _id: DEMO_POSTS.published,
      authorOpenid: people.member.openid,
      authorName: people.member.name,
      caption: '和红旗村的党员一起采茶、装箱，合作社的新茶今天发往县城超市。',
      photos: photos.slice(0, 3),
      status: 'published',
      likes: 2,
      checkDeadline: at(6 * DAY),
      sortAt: at(6 * DAY),
      createdAt: at(6 * DAY + HOUR),
      publishedAt: at(6 * DAY),
      updatedAt: at(6 * DAY),
    },
    {
      ...base,
      _id: DEMO_POSTS.secretary,
      authorOpenid: people.secretary.openid,
      authorName: people.secretary.name,
      caption: '联合主题党日合影。感谢红旗村党支部的精心组织！',
      photos: photos.slice(3, 4),
      status: 'published',
      checkDeadline: at(5 * DAY),
      sortAt: at(5 * DAY),
      createdAt: at(5 * DAY + HOUR),
      publishedAt: at(5 * DAY),
      updatedAt: at(5 * DAY),
    },
    {
      ...base,
      _id: DEMO_POSTS.pending,
      authorOpenid: people.committeeMember.openid,
      authorName: people.committeeMember.name,
      caption: '茶园里的流动党课【待审】',
      textVerdict: 'review',
      needsReview: true,
      photos: photos.slice(4, 5),
      status: 'pending',
      checkDeadline: at(2 * DAY),
      sortAt: at(2 * DAY + HOUR),
      createdAt: at(2 * DAY + HOUR),
      publishedAt: null,
      updatedAt: at(2 * DAY + HOUR),
    },
    {
      ...base,
      _id: DEMO_POSTS.rejected,
      authorOpenid: people.member.openid,
      authorName: people.member.name,
      caption: '返程路上拍的风景',
      photos: photos.slice(5, 6),
      status: 'rejected',
      reason: '第 1 张图片未通过内容安全检测，请更换后重新发布',
      checkDeadline: at(3 * DAY),
      sortAt: at(3 * DAY),
      createdAt: at(3 * DAY),
      publishedAt: null,
      updatedAt: at(3 * DAY),
    },
  ];
  for (const post of posts) {
    const { _id, ...rest } = post;
    await db.collection('posts').doc(_id).set(rest);
    await writePostFeed(db, post);
  }
  for (const openid of [people.secretary.openid, people.committeeMember.openid])
    await db
      .collection('postLikes')
      .doc(likeId(DEMO_POSTS.published, openid))
      .set({ postId: DEMO_POSTS.published, openid, at: at(5 * DAY) });

  const notice = (
    fields: Partial<NoticeDoc> & Pick<NoticeDoc, '_id' | 'audience' | 'branches' | 'title' | 'body'>,
  ): NoticeDoc => ({
    attachments: [],
    pinned: false,
    expiresAt: null,
    publishAt: null,
    status: 'published',
    reason: null,
    textTraceId: 'demo',
    checkDeadline: now,
    authorOpenid: people.secretary.openid,
    authorName: people.secretary.name,
    edited: false,
    editedAt: null,
    createdAt: at(2 * DAY),
    publishedAt: at(2 * DAY),
    updatedAt: at(2 * DAY),
    ...fields,
  });
  const notices: NoticeDoc[] = [
    notice({
      _id: DEMO_NOTICES.branch,
      audience: { kind: 'branch', id: people.financeBranchId, name: '县财政局机关党支部' },
      branches: [people.financeBranchId],
      title: '关于按时缴纳本季度党费的通知',
      body: '各位党员：\n请于本月 25 日前通过“党费通”缴纳第四季度党费。\n有疑问请联系支部组织委员。',
      pinned: true,
      publishedAt: at(DAY),
      createdAt: at(DAY),
    }),
    notice({
      _id: DEMO_NOTICES.pairing,
      audience: { kind: 'pairing', id: people.pairingId, name: people.pairingName },
      branches: [people.financeBranchId, people.hongqiBranchId],
      title: '下月联合主题党日安排',
      body: '下月第一个周五上午九点，在红旗村党群服务中心开展联合主题党日。\n请两支部党员提前报名。',
      edited: true,
      editedAt: at(DAY),
    }),
    notice({
      _id: DEMO_NOTICES.committee,
      audience: { kind: 'committee', id: people.committeeId, name: people.committeeName },
      branches: people.committeeBranches,
      title: '关于开展年度述职评议考核的通知',
      body: '各党支部：\n年度述职评议考核将于下月中旬进行，请各支部提前整理会议记录、活动照片等材料。',
      authorOpenid: people.office.openid,
      authorName: people.office.name,
      publishedAt: at(3 * DAY),
      createdAt: at(3 * DAY),
    }),
  ];
  for (const doc of notices) {
    const { _id, ...rest } = doc;
    await db.collection('notices').doc(_id).set(rest);
    await writeNoticeFeed(db, doc);
  }
  // 李明 read both notices he can see; 王芳 read the pairing one only (the branch one shows unread).
  const reads: NoticeReadDoc[] = [
    [DEMO_NOTICES.branch, people.secretary],
    [DEMO_NOTICES.pairing, people.secretary],
    [DEMO_NOTICES.committee, people.secretary],
    [DEMO_NOTICES.pairing, people.member],
  ].map(([noticeId, person]) => {
    const who = person as { openid: string; name: string };
    return {
      _id: receiptId(noticeId as string, who.openid),
      noticeId: noticeId as string,
      branchId: people.financeBranchId,
      openid: who.openid,
      name: who.name,
      at: at(HOUR),
    };
  });
  for (const { _id, ...rest } of reads) await db.collection('noticeReads').doc(_id).set(rest);
  return [
    `posts: 2 published on ${people.jointEventTitle}, 1 waiting for a secretary, 1 rejected; notices: branch (pinned), pairing, committee`,
  ];
}
