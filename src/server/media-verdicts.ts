/**
 * The `wxa_media_check` message push: WeChat's verdict on one image, matched by trace_id. A
 * verdict is recorded once (a repeated push, or one for a trace_id we never asked about, changes
 * nothing); then the post or notice it belongs to is decided again.
 */
import type { Database } from './cloud';
import type { ContentVerdict } from './content-security';
import { recordVerdict } from './media-checks';
import { evaluateNotice } from './notices';
import { evaluatePost } from './posts';

export interface MediaCheckPush {
  MsgType?: unknown;
  Event?: unknown;
  trace_id?: unknown;
  result?: { suggest?: unknown; label?: unknown };
}

export function isMediaCheckPush(event: unknown): event is MediaCheckPush & { trace_id: string } {
  if (typeof event !== 'object' || event === null) return false;
  const push = event as MediaCheckPush;
  return push.MsgType === 'event' && push.Event === 'wxa_media_check' && typeof push.trace_id === 'string';
}

export type VerdictOutcome = 'applied' | 'ignored';

export async function applyMediaVerdict(
  db: Database,
  push: MediaCheckPush & { trace_id: string },
  now: Date,
): Promise<VerdictOutcome> {
  const suggest = push.result?.suggest;
  // Anything but a clear pass or risky needs a person, never a pass.
  const verdict: ContentVerdict = suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
  const label = typeof push.result?.label === 'number' ? push.result.label : null;
  const check = await recordVerdict(db, push.trace_id, verdict, label, now);
  if (!check) return 'ignored';
  if (check.targetKind === 'post') await evaluatePost(db, check.targetId, now);
  else await evaluateNotice(db, check.targetId, now);
  return 'applied';
}
