/**
 * Finds an invite code in what a person scanned or a link carried: the bare code, a text or link
 * with `code=XXXX`, or a mini-program code's `scene` (URL-encoded on iOS, raw on Android, and
 * sometimes encoded twice). The server still validates the code; this only extracts it.
 */
import { decodeFully } from './decode-uri';

const CODE = /^[A-Za-z0-9]{4,12}$/;
const CODE_PARAM = /(?:^|[?&#=\s])(?:code|scene)=([A-Za-z0-9]{4,12})(?=$|[&#\s])/i;

/** The normalised (upper-case) code, or null if the text holds none. */
export function extractInviteCode(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const text = decodeFully(raw.trim());
  const bare = text.replace(/\s+/g, '');
  if (CODE.test(bare)) return bare.toUpperCase();
  const match = CODE_PARAM.exec(text);
  return match?.[1] ? match[1].toUpperCase() : null;
}
