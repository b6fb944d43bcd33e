/**
 * Every payload a page sends to the view: its initial data when it attaches, then each setData,
 * as JSON the way WeChat serialises them (the budget is 256 KB per call after JSON.stringify).
 * The page shim in ../setup.ts records into it; the budgets test reads and clears it.
 */
export interface SetDataRecord {
  /** `initial` for the page's data at attach, otherwise `setData`. */
  kind: 'initial' | 'setData';
  /** UTF-8 bytes of JSON.stringify(payload). */
  bytes: number;
  keys: string[];
}

let records: SetDataRecord[] = [];

function record(kind: SetDataRecord['kind'], payload: Record<string, unknown>): void {
  records.push({ kind, bytes: Buffer.byteLength(JSON.stringify(payload), 'utf8'), keys: Object.keys(payload) });
}

interface PageInstance {
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>, callback?: () => void): void;
}

/** Records the page's initial data and wraps its setData to record every later call. */
export function recordSetData(page: PageInstance): void {
  record('initial', page.data);
  const original = page.setData.bind(page);
  page.setData = (data, callback) => {
    record('setData', data);
    original(data, callback);
  };
}

/** The records since the last call, and starts afresh. */
export function takeSetDataRecords(): SetDataRecord[] {
  const taken = records;
  records = [];
  return taken;
}
