const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO-8601 instant as Beijing time, e.g. `2026年12月4日 18:00`, whatever the phone's zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
