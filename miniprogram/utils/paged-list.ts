/**
 * One offset-paged list on a page (`Page<T>` from the API): the first page replaces what is shown,
 * later pages are appended by path (`members[20]`…) so setData carries only the new rows, and a
 * row changed in place is sent alone. The footer under the list (components/list-footer) reads
 * `<key>Footer`.
 */
import type { Page } from '../../src/contract';
import { errorMessage } from '../services/api';

export interface ListFooter {
  loading: boolean;
  /** Shown with 点此重试 when a later page failed. */
  error: string;
  /** Another page exists: 加载更多 is offered. */
  more: boolean;
  /** Under the last row once everything is loaded (empty for an empty list). */
  endText: string;
}

interface View {
  setData(data: Record<string, unknown>): void;
}

const END_TEXT = '没有更多了';

export class PagedList<T, V> {
  private items: T[] = [];
  private nextOffset: number | null = null;
  private generation = 0;
  private loading = false;

  constructor(
    private readonly view: View,
    readonly key: string,
    private readonly fetch: (offset: number) => Promise<Page<T>>,
    private readonly toView: (item: T) => V,
  ) {}

  /** Rows as the API gave them, in display order. */
  get loaded(): readonly T[] {
    return this.items;
  }

  static footer(more: boolean, count: number): ListFooter {
    return { loading: false, error: '', more, endText: !more && count > 0 ? END_TEXT : '' };
  }

  /**
   * The first page as a setData patch for the page to send with its own state (status, counts);
   * null if a newer reload started meanwhile. Throws what the API threw.
   */
  async reload(): Promise<Record<string, unknown> | null> {
    this.generation += 1;
    const generation = this.generation;
    const page = await this.fetch(0);
    if (generation !== this.generation) return null;
    this.items = page.items;
    this.nextOffset = page.nextOffset;
    this.loading = false;
    return {
      [this.key]: page.items.map((item) => this.toView(item)),
      [`${this.key}Footer`]: PagedList.footer(page.nextOffset !== null, page.items.length),
    };
  }

  /** The next page, appended; a failure shows on the footer. */
  async more(): Promise<void> {
    if (this.nextOffset === null || this.loading) return;
    this.loading = true;
    const generation = this.generation;
    const footerKey = `${this.key}Footer`;
    this.view.setData({ [footerKey]: { loading: true, error: '', more: false, endText: '' } });
    try {
      const page = await this.fetch(this.nextOffset);
      if (generation !== this.generation) return;
      const patch: Record<string, unknown> = {};
      page.items.forEach((item, i) => {
        patch[`${this.key}[${this.items.length + i}]`] = this.toView(item);
      });
      this.items = [...this.items, ...page.items];
      this.nextOffset = page.nextOffset;
      patch[footerKey] = PagedList.footer(page.nextOffset !== null, this.items.length);
      this.view.setData(patch);
    } catch (err) {
      if (generation !== this.generation) return;
      this.view.setData({ [footerKey]: { loading: false, error: errorMessage(err), more: false, endText: '' } });
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** A row the API answered with after an action, replacing the shown one. */
  replace(index: number, item: T): void {
    this.items = this.items.map((existing, i) => (i === index ? item : existing));
    this.view.setData({ [`${this.key}[${index}]`]: this.toView(item) });
  }

  /** Drops a row that left the list (approved, removed); later offsets shift by one. */
  remove(index: number): void {
    this.items = this.items.filter((_, i) => i !== index);
    if (this.nextOffset !== null) this.nextOffset -= 1;
    this.view.setData({
      [this.key]: this.items.map((item) => this.toView(item)),
      [`${this.key}Footer`]: PagedList.footer(this.nextOffset !== null, this.items.length),
    });
  }

  /** Puts a new row on top (just created); later offsets shift by one. */
  prepend(item: T): void {
    this.items = [item, ...this.items];
    if (this.nextOffset !== null) this.nextOffset += 1;
    this.view.setData({
      [this.key]: this.items.map((row) => this.toView(row)),
      [`${this.key}Footer`]: PagedList.footer(this.nextOffset !== null, this.items.length),
    });
  }
}

/**
 * A page whose content is one list: its first page with `status` ready or empty, or the error
 * with its message (the state view offers 重试). `extra` goes in the same setData.
 */
export async function showFirstPage<T, V>(
  view: View,
  list: PagedList<T, V>,
  extra: Record<string, unknown> = {},
): Promise<void> {
  try {
    const patch = await list.reload();
    if (!patch) return;
    const count = (patch[list.key] as unknown[]).length;
    view.setData({ ...extra, ...patch, status: count > 0 ? 'ready' : 'empty' });
  } catch (err) {
    view.setData({ status: 'error', errorMessage: errorMessage(err) });
  }
}
