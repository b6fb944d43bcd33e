/**
 * WeChat's own confirm and choice sheets as promises: `false` / `null` when the person cancels
 * (cancelling is never an error worth a message).
 */

/**
 * Both buttons name what they do (`停用` / `暂不停用`), never 确定 beside 取消: an older member must
 * not have to guess which one keeps things as they are. WeChat cuts either text after 4 characters.
 */
export function confirmAction(
  title: string,
  content: string,
  confirmText: string,
  cancelText = '返回',
): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText,
      confirmColor: '#b8161c',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/** The index of the chosen item, or null. */
export function chooseAction(itemList: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    wx.showActionSheet({
      itemList,
      success: (res) => resolve(res.tapIndex),
      fail: () => resolve(null),
    });
  });
}

export function toast(title: string, icon: 'success' | 'none' = 'success'): void {
  void wx.showToast({ title, icon });
}
