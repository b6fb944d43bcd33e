/**
 * Cloud storage for issue 4: storing a generated image, temporary links, and checking that a
 * fileID the client sends is a file of this environment (wx.cloud.uploadFile answers
 * `cloud://<env>.<bucket>/<path>`), so nobody attaches another environment's or a made-up file.
 */
import { cloudApp } from './cloud';

/** About a day: long enough to view or save, short enough not to circulate. */
const LINK_SECONDS = 24 * 60 * 60;

/** The environment this function runs in, as wx-server-sdk's getWXContext().ENV reads it. */
function currentEnv(): string | undefined {
  return process.env.TCB_ENV || process.env.SCF_NAMESPACE || undefined;
}

export function isFileOfThisEnv(fileID: string): boolean {
  const env = currentEnv();
  return env !== undefined && fileID.startsWith(`cloud://${env}.`) && !fileID.includes('/../');
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
