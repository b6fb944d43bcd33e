/**
 * Mini-program codes kept in cloud storage: made once through WeChat (each call counts against
 * the account's quota) and reused while the stored file still answers with a link. Used by invite
 * codes and printed check-in codes.
 */
import { storeFile, temporaryLinks } from './files';
import { miniProgramCode } from './wechat';

export interface StoredMiniProgramCode {
  fileId: string;
  url: string;
  /** Made by this call: the caller records `fileId` so the next one reuses it. */
  created: boolean;
}

export async function storedMiniProgramCode(
  stored: string | undefined,
  code: { scene: string; page: string; cloudPath: string },
): Promise<StoredMiniProgramCode> {
  if (stored) {
    const url = (await temporaryLinks([stored])).get(stored);
    if (url) return { fileId: stored, url, created: false };
  }
  const fileId = await storeFile(code.cloudPath, await miniProgramCode(code.scene, code.page));
  const url = (await temporaryLinks([fileId])).get(fileId);
  if (!url) throw new Error(`no temporary link for the stored mini-program code ${fileId}`);
  return { fileId, url, created: true };
}
