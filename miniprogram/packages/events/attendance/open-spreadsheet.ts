/** Downloads an exported workbook from its temporary link and opens it with the share menu. */
import { ApiError, NETWORK_MESSAGE } from '../../../services/api';

const OPEN_FAILED = '文件已生成，但无法打开，请稍后重试';

export function openSpreadsheet(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: ({ statusCode, tempFilePath }) => {
        if (statusCode !== 200) {
          reject(new ApiError('NETWORK', NETWORK_MESSAGE));
          return;
        }
        wx.openDocument({
          filePath: tempFilePath,
          fileType: 'xlsx',
          showMenu: true,
          success: () => resolve(),
          fail: () => reject(new ApiError('INTERNAL', OPEN_FAILED)),
        });
      },
      fail: () => reject(new ApiError('NETWORK', NETWORK_MESSAGE)),
    });
  });
}
