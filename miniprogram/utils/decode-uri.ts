/**
 * A mini-program code's `scene` or a link's parameter as written: URL-encoded on iOS, raw on
 * Android, sometimes encoded twice. A stray '%' keeps what was decoded so far.
 */
export function decodeFully(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}
