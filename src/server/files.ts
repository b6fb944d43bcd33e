/**
 * Cloud storage: storing a generated file, temporary links, and where a member may upload. A
 * fileID a client sends (`cloud://<env>.<bucket>/<path>`, as wx.cloud.uploadFile answers) is only
 * accepted from the caller's own upload folder for the purpose at hand: another environment's
 * file, a made-up one and someone else's (another branch's export) are all refused alike, so the
 * answer reveals nothing about which paths exist.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { UploadPurpose } from '../contract';
import { cloudApp } from './cloud';

/** About a day: long enough to view or save, short enough not to circulate. */
const LINK_SECONDS = 24 * 60 * 60;

/** The environment this function runs in, as wx-server-sdk's getWXContext().ENV reads it. */
function currentEnv(): string | undefined {
  return process.env.TCB_ENV || process.env.SCF_NAMESPACE || undefined;
}

/** The path inside the bucket of a fileID of this environment, or null. */
function pathOf(fileID: string): string | null {
  const env = currentEnv();
  const match = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileID);
  if (!env || !match || !match[1]!.startsWith(`${env}.`)) return null;
  const path = match[2]!;
  return path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ? null : path;
}

/** The caller's upload folder: a hash of the openid, so storage paths and links name nobody. */
export function uploadFolder(openid: string, purpose: UploadPurpose): string {
  const owner = createHash('sha256').update(`lianjian-upload|${openid}`).digest('hex').slice(0, 20);
  return `uploads/${owner}/${purpose}/`;
}

/** Where the caller may upload one file for `purpose` (a fresh name each time, ending in the hint). */
export function uploadPath(openid: string, purpose: UploadPurpose, ext = '', name = ''): string {
  const stem = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}${name ? `-${name}` : ''}`;
  return `${uploadFolder(openid, purpose)}${stem}${ext}`;
}

/**
 * A one-time grant to upload to `cloudPath` by a COS form POST (what wx.cloud.uploadFile does
 * underneath), for clients that have no wx.cloud.uploadFile.
 */
export async function uploadGrant(
  cloudPath: string,
): Promise<{ url: string; fields: Record<string, string>; fileID: string }> {
  const { data } = await cloudApp().getUploadMetadata({ cloudPath });
  return {
    url: data.url,
    fileID: data.fileId,
    fields: {
      key: cloudPath,
      Signature: data.authorization,
      'x-cos-security-token': data.token,
      'x-cos-meta-fileid': data.cosFileId,
    },
  };
}

/** True when `fileID` names a file of this environment that exists. */
export async function existingFiles(fileIDs: readonly string[]): Promise<Set<string>> {
  return new Set((await temporaryLinks(fileIDs)).keys());
}

/** True when `fileID` lies in the caller's own upload folder for `purpose` in this environment. */
export function isOwnUpload(fileID: string, openid: string, purpose: UploadPurpose): boolean {
  const path = pathOf(fileID);
  return path !== null && path.startsWith(uploadFolder(openid, purpose));
}

export async function storeFile(cloudPath: string, bytes: Buffer): Promise<string> {
  const { fileID } = await cloudApp().uploadFile({ cloudPath, fileContent: bytes });
  return fileID;
}

/** Temporary links by fileID; a file that does not exist has no entry. */
export async function temporaryLinks(fileIDs: readonly string[]): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map();
  const { fileList } = await cloudApp().getTempFileURL({
    fileList: fileIDs.map((fileID) => ({ fileID, maxAge: LINK_SECONDS })),
  });
  return new Map(
    fileList
      .filter((file) => file.code === 'SUCCESS' && file.tempFileURL)
      .map((file) => [file.fileID, file.tempFileURL]),
  );
}
