/**
 * setData with only the keys whose value differs from what the page holds, so a reload that
 * changes one count sends one count (WeChat's budget counts every byte of every call).
 */
interface DataView {
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
}

/** The keys of `next` that differ from `view.data`; sends them if there are any. */
export function setChanged(view: DataView, next: Record<string, unknown>): string[] {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(view.data[key]) !== JSON.stringify(value)) changed[key] = value;
  }
  const keys = Object.keys(changed);
  if (keys.length > 0) view.setData(changed);
  return keys;
}
