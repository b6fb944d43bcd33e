/**
 * Photos a form attaches (活动风采, 学习打卡): chosen, compressed, uploaded one by one with progress.
 * The view state is pure; `uploadPending` drives the upload service over it.
 */
import type { UploadPurpose } from '../../src/contract';
import { uploadFile } from '../services/files';

export interface ComposePhoto {
  /** The compressed temp file on the phone, or the temporary link of a photo already stored. */
  path: string;
  /** 0–100 while uploading. */
  progress: number;
  /** Set once uploaded; kept across retries so a photo is never uploaded twice. */
  fileID: string;
  failed: boolean;
}

export function newPhoto(path: string): ComposePhoto {
  return { path, progress: 0, fileID: '', failed: false };
}

/** A photo already stored (e.g. today's check-in being edited): shown by its link, never re-uploaded. */
export function storedPhoto(fileID: string, url: string): ComposePhoto {
  return { path: url, progress: 100, fileID, failed: false };
}

export function photoLabel(photo: ComposePhoto): string {
  if (photo.fileID) return '';
  if (photo.failed) return '上传失败';
  return photo.progress > 0 ? `${photo.progress}%` : '';
}

/**
 * Uploads the photos without a fileID yet, one at a time (weak networks). `onChange(index, photo)`
 * is told of each change (progress, done, failed) so the page can show it; `photos` is updated in
 * place. A failure stops the loop and is thrown; the photos uploaded so far keep their fileID.
 */
export async function uploadPending(
  purpose: UploadPurpose,
  photos: ComposePhoto[],
  onChange: (index: number, photo: ComposePhoto) => void,
): Promise<string[]> {
  for (const [index, photo] of photos.entries()) {
    if (photo.fileID) continue;
    const set = (next: ComposePhoto) => {
      photos[index] = next;
      onChange(index, next);
    };
    try {
      const fileID = await uploadFile(purpose, photo.path, photo.path, (progress) =>
        set({ ...photo, progress, failed: false }),
      );
      set({ ...photo, fileID, progress: 100, failed: false });
    } catch (err) {
      set({ ...photo, progress: 0, failed: true });
      throw err;
    }
  }
  return photos.map((photo) => photo.fileID);
}
