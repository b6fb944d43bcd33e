/**
 * Files in cloud storage. The server names where to upload (`file.prepareUpload`: the caller's own
 * folder for the purpose), the client uploads there and hands the fileID to an action, which
 * accepts only files from that folder. In cloud mode the upload is `wx.cloud.uploadFile`; in local
 * mode (no wx.cloud) the server also hands out a one-time grant for exactly that path, and the
 * file goes to the local cloud's storage with `wx.uploadFile` (a COS form POST, what
 * wx.cloud.uploadFile does underneath).
 */
import type { UploadPurpose } from '../../src/contract';
import { isLocalMode } from '../config/mode';
import { callApi } from './api';

/** Uploads work in both modes (kept for pages that asked before local uploads existed). */
export function canUpload(): boolean {
  return true;
}

/** 0–100 as the upload goes. */
export type UploadProgress = (percent: number) => void;

/** Letters, digits, - and _ of the chosen file's own name, as a hint kept in the stored path. */
function nameHint(path: string): string | undefined {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const hint = base.replace(/[^A-Za-z0-9_-]/g, '').slice(-40);
  return hint === '' ? undefined : hint;
}

/** Uploads one chosen file for `purpose` and answers its fileID. */
export async function uploadFile(
  purpose: UploadPurpose,
  tempFilePath: string,
  name: string,
  onProgress?: UploadProgress,
): Promise<string> {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? /\.[A-Za-z0-9]{1,8}$/.exec(tempFilePath)?.[0];
  const local = isLocalMode();
  // The local cloud decides an image's verdict by its file name; in WeChat temp names say nothing.
  const hint = local ? nameHint(tempFilePath) : undefined;
  // The server's path (no person-typed characters); the name people see travels beside the fileID.
  const target = await callApi('file.prepareUpload', {
    purpose,
    ...(ext ? { ext } : {}),
    ...(hint ? { name: hint } : {}),
    ...(local ? { form: true } : {}),
  });
  return new Promise((resolve, reject) => {
    const report = (res: { progress: number }) => onProgress?.(res.progress);
    if (local && target.form) {
      const { url, fields, fileID } = target.form;
      const task = wx.uploadFile({
        url,
        filePath: tempFilePath,
        name: 'file',
        formData: fields,
        success: (res) => (res.statusCode < 300 ? resolve(fileID) : reject(new Error(`upload ${res.statusCode}`))),
        fail: reject,
      });
      task.onProgressUpdate(report);
      return;
    }
    const task = wx.cloud.uploadFile({
      cloudPath: target.cloudPath,
      filePath: tempFilePath,
      success: (res) => resolve(res.fileID),
      fail: reject,
    });
    task?.onProgressUpdate?.(report);
  });
}

/** Uploads one file the person chose for an agreement and answers its fileID. */
export function uploadAgreementFile(tempFilePath: string, name: string): Promise<string> {
  return uploadFile('agreement', tempFilePath, name);
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

/** Photos from the album or camera, each compressed on the phone before it is uploaded. */
export function choosePhotos(count: number): Promise<string[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    });
  });
}

/** A smaller copy of a photo (the original when compressing fails). */
export function compressPhoto(path: string): Promise<string> {
  return new Promise((resolve) => {
    wx.compressImage({
      src: path,
      quality: 70,
      success: (res) => resolve(res.tempFilePath),
      fail: () => resolve(path),
    });
  });
}
