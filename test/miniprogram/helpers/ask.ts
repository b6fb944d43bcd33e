/**
 * WeChat's modal and action sheet answered as a person would (simulate's are silent no-ops), and
 * a flush deep enough for a handler that awaits several API calls in a row.
 */
import { flush } from './load';

/** Every confirm dialog from now on is answered with `confirm`; returns the spy to read titles. */
export function answerModal(confirm: boolean): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((options: WechatMiniprogram.ShowModalOption) => {
    options.success?.({ confirm, cancel: !confirm, errMsg: 'showModal:ok', content: '' });
  }) as unknown as typeof wx.showModal);
}

/** Every action sheet is answered with the item at `index` (null: cancelled). */
export function answerActionSheet(index: number | null): jest.SpyInstance {
  return jest.spyOn(wx, 'showActionSheet').mockImplementation(((options: WechatMiniprogram.ShowActionSheetOption) => {
    if (index === null) options.fail?.({ errMsg: 'showActionSheet:fail cancel' });
    else options.success?.({ tapIndex: index, errMsg: 'showActionSheet:ok' });
  }) as unknown as typeof wx.showActionSheet);
}

/** Several microtask rounds: load → API → setData chains settle. */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await flush();
}
