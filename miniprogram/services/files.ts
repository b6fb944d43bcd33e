/**
 * Files in cloud storage. The server names where to upload (`file.prepareUpload`: the caller's own
 * folder for the purpose), the client uploads there with `wx.cloud.uploadFile` and hands the
 * fileID to an action, which accepts only files from that folder. Local mode has no upload route
 * (the local cloud serves the API only), so pages offer uploads in cloud mode only.
 */
import { isLocalMode } from '../config/mode';
import { callApi } from './api';

export function canUpload(): boolean {
  return !isLocalMode();
}

/** Uploads one file the person chose for an agreement and answers its fileID. */
export async function uploadAgreementFile(tempFilePath: string, name: string): Promise<string> {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0];
  // The server's path (no person-typed characters); the name people see travels beside the fileID.
  const { cloudPath } = await callApi('file.prepareUpload', { purpose: 'agreement', ...(ext ? { ext } : {}) });
  return new Promise((resolve, reject) => {
    wx.cloud.uploadFile({
      cloudPath,
      filePath: tempFilePath,
      success: (res) => resolve(res.fileID),
      fail: reject,
    });
  });
}

export interface ChosenFile {
  path: string;
  name: string;
}

/** Files from a chat (PDF, Word, pictures), as WeChat lets a mini-program pick documents. */
export function chooseFiles(count: number): Promise<ChosenFile[]> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count,
      type: 'all',
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.path, name: f.name }))),
      fail: () => resolve([]),
    });
  });
}
