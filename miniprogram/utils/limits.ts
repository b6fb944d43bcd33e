/**
 * The contract's limits the pages need at run time. The mini-program may import only types from
 * src/contract (no server code in its bundle), so the values are written again here, each typed
 * as the contract's own literal: the compiler refuses any value that differs from the contract.
 */
import type {
  NOTICE_ATTACHMENTS_MAX as NoticeAttachmentsMax,
  NOTICE_BODY_MAX as NoticeBodyMax,
  NOTICE_TITLE_MAX as NoticeTitleMax,
  POST_CAPTION_MAX as PostCaptionMax,
  POST_PHOTOS_MAX as PostPhotosMax,
  STUDY_KINDS as StudyKinds,
  STUDY_PHOTOS_MAX as StudyPhotosMax,
} from '../../src/contract';

export const POST_PHOTOS_MAX: typeof PostPhotosMax = 9;
export const POST_CAPTION_MAX: typeof PostCaptionMax = 500;
export const NOTICE_TITLE_MAX: typeof NoticeTitleMax = 40;
export const NOTICE_BODY_MAX: typeof NoticeBodyMax = 5000;
export const NOTICE_ATTACHMENTS_MAX: typeof NoticeAttachmentsMax = 5;
export const STUDY_KINDS: typeof StudyKinds = ['文章', '视频', '党课', '原著', '其他'];
export const STUDY_PHOTOS_MAX: typeof StudyPhotosMax = 3;
