/**
 * Files in cloud storage. The client uploads with `wx.cloud.uploadFile` and hands the fileID to an
 * action; the server checks it belongs to the environment. Local mode has no upload route (the
 * local cloud serves the API only), so pages offer uploads in cloud mode only.
 */
import { isLocalMode } from '../config/mode';

export function canUpload(): boolean {
  return !isLocalMode();
}

/** Uploads one file the person chose and answers its fileID. */
export function uploadAgreementFile(pairingId: string, tempFilePath: string, name: string): Promise<string> {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  // Our own path (no person-typed characters); the name people see travels beside the fileID.
  const cloudPath = `agreements/${pairingId}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}${ext}`;
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
