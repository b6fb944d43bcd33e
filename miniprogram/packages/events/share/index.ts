/**
 * 分享卡片: the card an event or an invite code travels with into a group chat, previewed as it
 * will look (drawn once on a 2d canvas, the static card within 3 s if the drawing is late), and
 * the share button. An event's card is an updatable message (动态消息): its "n / limit" follows
 * the sign-ups for 24 hours, and members who open it from the group count for that group.
 * A notice's or a post's card is a plain one (title, date and weekday, to whom or by whom); only
 * a published one is offered (the server answers others to their author and moderators alone).
 * Query: `kind=event&id=…`, `kind=notice&id=…`, `kind=post&id=…` or `kind=invite&code=…`.
 */
import type { ShareCardView } from '../../../../src/contract';
import { CARD_KINDS, contentKey, type CardContent } from '../../../components/share-card/card-content';
import { shareMessage } from '../../../components/share-card/share-image';
import { ApiError, errorMessage } from '../../../services/api';
import { getEvent } from '../../../services/events';
import { previewInvite } from '../../../services/member';
import { openNotice } from '../../../services/notices';
import { getPost } from '../../../services/posts';
import { shareCard } from '../../../services/reminders';
import { syncCareMode } from '../../../utils/care-mode';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';

interface Shared {
  title: string;
  path: string;
  content: CardContent;
  hint: string;
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    content: null as CardContent | null,
    hint: '',
  },
  query: {} as Record<string, string | undefined>,
  shared: null as Shared | null,
  card: null as ShareCardView | null,

  onLoad(query: Record<string, string | undefined>) {
    this.query = query;
  },
  onShow() {
    syncCareMode(this);
    if (!this.shared) void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },

  async load() {
    try {
      const kind = this.query.kind;
      this.shared =
        kind === 'invite'
          ? await this.invite()
          : kind === 'notice'
            ? await this.notice()
            : kind === 'post'
              ? await this.post()
              : await this.event();
      wx.setNavigationBarTitle({ title: '分享卡片' });
      this.setData({ status: 'ready', content: this.shared.content, hint: this.shared.hint });
      // Opening this page is the intent to share: the activity id is made now, not at publication.
      void this.prepareShare();
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  async event(): Promise<Shared> {
    const id = this.query.id ?? '';
    const event = await getEvent(id);
    return {
      title: event.title,
      path: withQuery(ROUTES.eventDetail, { id }),
      content: CARD_KINDS.event(event),
      hint: '分享到支部群后，卡片上的报名人数会随报名自动更新；群成员从卡片进入报名，会计入这个群。',
    };
  },

  async invite(): Promise<Shared> {
    const code = this.query.code ?? '';
    const invite = await previewInvite(code);
    return {
      title: `邀请你加入${invite.branch.name}`,
      path: withQuery(ROUTES.join, { code }),
      content: CARD_KINDS.invite(invite),
      hint: '收到卡片的人打开小程序，邀请码已自动填好，填写姓名即可申请加入。',
    };
  },

  async notice(): Promise<Shared> {
    const id = this.query.id ?? '';
    const notice = await openNotice(id);
    if (notice.status !== 'published') throw new ApiError('NOT_FOUND', '只有已发布的通知可以分享');
    return {
      title: notice.title,
      path: withQuery(ROUTES.noticeDetail, { id }),
      content: CARD_KINDS.notice(notice),
      hint: '分享到支部群后，群里的党员点开卡片即可阅读，阅读情况计入已读统计。',
    };
  },

  async post(): Promise<Shared> {
    const id = this.query.id ?? '';
    const post = await getPost(id);
    if (post.status !== 'published') throw new ApiError('NOT_FOUND', '只有已发布的风采可以分享');
    return {
      title: `${post.eventTitle} · 活动风采`,
      path: withQuery(ROUTES.postDetail, { id }),
      content: CARD_KINDS.post(post),
      hint: '分享到群后，活动范围内的党员点开卡片即可查看照片。',
    };
  },

  /** The updatable message is made when the member is about to share (an activity id lives 24 h). */
  async prepareShare() {
    if (this.query.kind === 'invite' || this.query.kind === 'notice' || this.query.kind === 'post' || this.card) return;
    try {
      this.card = await shareCard(this.query.id ?? '');
      if (!this.card.activityId) return;
      wx.updateShareMenu({
        withShareTicket: true,
        isUpdatableMessage: true,
        activityId: this.card.activityId,
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: String(this.card.memberCount) },
            { name: 'room_limit', value: String(this.card.roomLimit) },
          ],
        },
      } as unknown as WechatMiniprogram.UpdateShareMenuOption);
    } catch {
      // Shared as a plain card: nothing the member must do.
    }
  },

  onShareAppMessage() {
    const shared = this.shared;
    if (!shared) return { title: '联建通', path: ROUTES.home };
    return shareMessage(shared.title, shared.path, contentKey(shared.content));
  },
});
