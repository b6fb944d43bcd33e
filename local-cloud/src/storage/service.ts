/**
 * Cloud storage: the `storage.*` actions of /admin plus the COS-like byte routes the SDK uploads
 * to (PUT, as node-sdk's uploadFile does with the metadata's url and token headers) and downloads
 * from (GET on a signed temp URL). Files live under `<dataDir>/storage/<cloudPath>`.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { Logger } from '../logger';
import { ROUTES } from '../routes';
import { checkCloudPath, cloudPathOf, contentTypeOf, fileIdOf } from './paths';

export interface StorageOptions {
  root: string;
  envId: string;
  baseUrl: () => string;
  logger: Logger;
}

/** What the byte routes answer; `xmlError` mirrors COS's XML error body, which the SDK parses. */
export type ByteResult = { status: 200; body: Buffer; contentType: string } | { status: 403 | 404; xmlError: string };

const UPLOAD_TOKEN_TTL_MS = 10 * 60 * 1000;
const DEFAULT_MAX_AGE_S = 24 * 60 * 60;

export class StorageService {
  /** Upload tokens handed out by getUploadMetadata: token → cloud path and expiry. */
  private readonly uploadTokens = new Map<string, { cloudPath: string; expiresAt: number }>();
  private readonly signingKey = randomBytes(32);

  constructor(private readonly options: StorageOptions) {}

  async handle(action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return { data: this.uploadMetadata(checkCloudPath(body.path)) };
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: this.downloadUrls(body.file_list) } };
      case 'storage.batchDeleteFile':
        return { data: { delete_list: await this.deleteFiles(body.fileid_list) } };
      default:
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_ACTION, `unsupported storage action: ${action}`);
    }
  }

  /** PUT /storage/<cloudPath> with the token from getUploadMetadata in `x-cos-security-token`. */
  async upload(cloudPath: string, token: string | undefined, bytes: Buffer): Promise<ByteResult> {
    const grant = token ? this.uploadTokens.get(token) : undefined;
    if (!grant || grant.cloudPath !== cloudPath || grant.expiresAt < Date.now()) {
      return {
        status: 403,
        xmlError: cosError('AccessDenied', 'Access Denied: missing or invalid upload token', cloudPath),
      };
    }
    this.uploadTokens.delete(token as string);
    const file = this.fileOf(cloudPath);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, bytes);
    this.options.logger.log('storage', `uploaded ${cloudPath}`, { bytes: bytes.length });
    return { status: 200, body: Buffer.alloc(0), contentType: 'application/xml' };
  }

  /** GET /storage/<cloudPath>?sign=..&t=.. as handed out by batchGetDownloadUrl. */
  async download(cloudPath: string, sign: string | null, expires: string | null): Promise<ByteResult> {
    if (!sign || !expires || !this.verify(cloudPath, sign, expires)) {
      return { status: 403, xmlError: cosError('AccessDenied', 'Access Denied: invalid or expired sign', cloudPath) };
    }
    try {
      const body = await fs.promises.readFile(this.fileOf(cloudPath));
      return { status: 200, body, contentType: contentTypeOf(cloudPath) };
    } catch {
      return { status: 404, xmlError: cosError('NoSuchKey', 'The specified key does not exist.', cloudPath) };
    }
  }

  async reset(): Promise<void> {
    this.uploadTokens.clear();
    await fs.promises.rm(this.options.root, { recursive: true, force: true });
  }

  private uploadMetadata(cloudPath: string): Record<string, string> {
    const token = randomUUID();
    this.uploadTokens.set(token, { cloudPath, expiresAt: Date.now() + UPLOAD_TOKEN_TTL_MS });
    return {
      // The SDK PUTs to this URL as given, so it must be percent-encoded; temp URLs are not
      // (the SDK runs encodeURI on them before downloading).
      url: encodeURI(this.byteUrl(cloudPath)),
      token,
      authorization: `q-sign-algorithm=sha1&q-local=${token}`,
      fileId: fileIdOf(this.options.envId, cloudPath),
      // Sent back as the x-cos-meta-fileid header, so it must be header-safe: opaque, like production's.
      cosFileId: randomBytes(16).toString('base64'),
      download_url: encodeURI(this.byteUrl(cloudPath)),
    };
  }

  private downloadUrls(fileList: unknown): Record<string, unknown>[] {
    if (!Array.isArray(fileList))
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'file_list must be an array');
    return fileList.map((item: unknown) => {
      const { fileid, max_age: maxAge } = (item ?? {}) as { fileid?: unknown; max_age?: unknown };
      const cloudPath = cloudPathOf(fileid);
      if (cloudPath === undefined)
        return { fileID: fileid, tempFileURL: '', code: CLOUD_ERROR_CODES.INVALID_PARAM, message: 'invalid fileID' };
      if (!fs.existsSync(this.fileOf(cloudPath))) {
        return {
          fileID: fileid,
          tempFileURL: '',
          code: CLOUD_ERROR_CODES.STORAGE_FILE_NONEXIST,
          message: 'storage file not exist',
        };
      }
      const ageSeconds = typeof maxAge === 'number' && maxAge > 0 ? maxAge : DEFAULT_MAX_AGE_S;
      const expires = String(Math.floor(Date.now() / 1000) + ageSeconds);
      const query = new URLSearchParams({ sign: this.sign(cloudPath, expires), t: expires });
      return { fileID: fileid, tempFileURL: `${this.byteUrl(cloudPath)}?${query.toString()}`, code: 'SUCCESS' };
    });
  }

  private async deleteFiles(fileIds: unknown): Promise<Record<string, unknown>[]> {
    if (!Array.isArray(fileIds))
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'fileid_list must be an array');
    return Promise.all(
      fileIds.map(async (fileId: unknown) => {
        const cloudPath = cloudPathOf(fileId);
        if (cloudPath === undefined)
          return { fileID: fileId, code: CLOUD_ERROR_CODES.INVALID_PARAM, message: 'invalid fileID' };
        try {
          await fs.promises.unlink(this.fileOf(cloudPath));
        } catch {
          return { fileID: fileId, code: CLOUD_ERROR_CODES.STORAGE_FILE_NONEXIST, message: 'storage file not exist' };
        }
        this.options.logger.log('storage', `deleted ${cloudPath}`);
        return { fileID: fileId, code: 'SUCCESS' };
      }),
    );
  }

  private byteUrl(cloudPath: string): string {
    return `${this.options.baseUrl()}${ROUTES.storagePrefix}${cloudPath}`;
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.options.root, ...checkCloudPath(cloudPath).split('/'));
  }

  private sign(cloudPath: string, expires: string): string {
    return createHmac('sha256', this.signingKey).update(`${cloudPath}\n${expires}`).digest('hex');
  }

  private verify(cloudPath: string, sign: string, expires: string): boolean {
    if (Number(expires) * 1000 < Date.now()) return false;
    const expected = Buffer.from(this.sign(cloudPath, expires));
    const given = Buffer.from(sign);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function cosError(code: string, message: string, resource: string): string {
  const id = randomUUID();
  return (
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<Resource>/${escapeXml(resource)}</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
