/** CloudBase file ids and cloud paths, validated so no path can leave the storage folder. */
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';

const FILE_ID = /^cloud:\/\/([^/]+)\/(.+)$/;

/** The bucket part of a file id, shaped like production's `<hex>-<env>-<appid>`. */
export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1300000000`;
}

export function fileIdOf(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`;
}

export function checkCloudPath(cloudPath: unknown): string {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > 1024) {
    throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'cloudPath must be a non-empty string');
  }
  const segments = cloudPath.split('/');
  if (
    cloudPath.startsWith('/') ||
    cloudPath.includes('\\') ||
    segments.some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `invalid cloudPath: ${cloudPath}`);
  }
  return cloudPath;
}

/** The cloud path of a file id, or undefined when it is not a file id. */
export function cloudPathOf(fileId: unknown): string | undefined {
  if (typeof fileId !== 'string') return undefined;
  const match = FILE_ID.exec(fileId);
  if (!match) return undefined;
  try {
    return checkCloudPath(match[2]);
  } catch {
    return undefined;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
};

export function contentTypeOf(cloudPath: string): string {
  const ext = cloudPath.slice(cloudPath.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
