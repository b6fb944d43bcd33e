/** The composer's photos: chosen, compressed, uploaded one by one with progress. Pure view state. */
export interface ComposePhoto {
  /** The compressed temp file on the phone. */
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

export function photoLabel(photo: ComposePhoto): string {
  if (photo.fileID) return '';
  if (photo.failed) return '上传失败';
  return photo.progress > 0 ? `${photo.progress}%` : '';
}
