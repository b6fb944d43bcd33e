/**
 * Opens an agreement attachment from its temporary link: pictures in WeChat's image viewer,
 * documents (PDF, Word…) downloaded and opened with WeChat's document viewer.
 */
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

export function openAttachment(url: string, name: string): Promise<void> {
  if (IMAGE.test(name)) {
    wx.previewImage({ urls: [url] });
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) =>
        wx.openDocument({ filePath: res.tempFilePath, showMenu: true, success: () => resolve(), fail: reject }),
      fail: reject,
    });
  });
}
