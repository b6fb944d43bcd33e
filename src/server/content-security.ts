/**
 * WeChat content security for what members write (心得, captions, notices): `security.msgSecCheck`
 * v2. 'pass' may be shown to others, 'review' only to its author until a secretary approves it,
 * 'risky' is refused. The check needs the writer's openid (WeChat requires a user active in the
 * last two hours, which the caller of the function is).
 */
import { wechatOpenApi } from './wechat';

/** v2 scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export const CONTENT_SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;
export type ContentScene = (typeof CONTENT_SCENE)[keyof typeof CONTENT_SCENE];

export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface TextCheck {
  verdict: ContentVerdict;
  /** WeChat's id of the check, kept with the content as the evidence of it. */
  traceId: string;
}

/** WeChat's own limit for one check. Longer text is checked in consecutive pieces. */
const MAX_CHARS = 2500;

/**
 * Checks `text` written by `openid`. The strictest verdict of its pieces wins. A failed call
 * throws (the caller must not show unchecked content: it answers a retryable error instead).
 */
export async function checkText(openid: string, text: string, scene: ContentScene): Promise<TextCheck> {
  const chars = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += MAX_CHARS) pieces.push(chars.slice(i, i + MAX_CHARS).join(''));
  if (pieces.length === 0) return { verdict: 'pass', traceId: '' };
  const answers = await Promise.all(
    pieces.map(
      (content) =>
        wechatOpenApi().security.msgSecCheck({ openid, scene, content, version: 2 }) as Promise<{
          result?: { suggest?: string };
          traceId?: string;
        }>,
    ),
  );
  const rank: Record<ContentVerdict, number> = { pass: 0, review: 1, risky: 2 };
  let verdict: ContentVerdict = 'pass';
  for (const answer of answers) {
    const suggest = answer.result?.suggest;
    // An answer without a known verdict is treated as needing a person, never as a pass.
    const piece: ContentVerdict = suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
    if (rank[piece] > rank[verdict]) verdict = piece;
  }
  return { verdict, traceId: answers.map((a) => a.traceId ?? '').join(',') };
}
