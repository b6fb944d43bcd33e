/**
 * WeChat's own confirm and choice sheets as promises: `false` / `null` when the person cancels
 * (cancelling is never an error worth a message).
 */
export function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
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
