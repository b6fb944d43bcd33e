/**
 * The unread-notice count under the 风采 tab and the notice strip's lines, shared by every tab
 * page's bar: asked again at most every 30 seconds (switching tabs does not call the API each
 * time), and at once after a notice was opened. Failing quietly: a badge is never worth an error.
 */
import type { NoticeUnread } from '../../src/contract';
import { unreadNotices } from '../services/notices';

const FRESH_MS = 30_000;
const NONE: NoticeUnread = { count: 0, latest: [] };

let cached: { at: number; value: Promise<NoticeUnread> } | null = null;

export function loadUnread(): Promise<NoticeUnread> {
  if (!cached || Date.now() - cached.at > FRESH_MS) {
    cached = { at: Date.now(), value: unreadNotices().catch(() => NONE) };
  }
  return cached.value;
}

/** After opening a notice (or a new one arrived): the next read asks the server. */
export function forgetUnread(): void {
  cached = null;
}
