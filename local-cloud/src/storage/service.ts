/**
 * Cloud storage: the `storage.*` actions of /admin plus the COS-like byte routes the SDK uploads
 * to (PUT, as node-sdk's uploadFile does with the metadata's url and token headers, or a form
 * POST as older SDKs do) and downloads from (GET on a signed temp URL). Files live under
 * `<dataDir>/storage/<cloudPath>`.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { Logger } from '../logger';
import { ROUTES } from '../routes';
import type { FormUpload } from './form-upload';
import { checkCloudPath, cloudPathOf, contentTypeOf, fileIdOf } from './paths';

export interface StorageOptions {
  root: string;
  envId: string;
  baseUrl: () => string;
  logger: Logger;
}

/** What the byte routes answer; `xmlError` mirrors COS's XML error body, which the SDK parses. */
export type ByteResult =
  | { status: 200 | 201 | 204; body: Buffer; contentType: string }
  | { status: 400 | 403 | 404; xmlError: string };

const UPLOAD_TOKEN_TTL_MS = 10 * 60 * 1000;
const DEFAULT_MAX_AGE_S = 24 * 60 * 60;
/** CloudBase takes at most 50 file ids per temp-URL or delete request (INVALID_PARAM beyond). */
const MAX_FILES_PER_REQUEST = 50;
const AUTHORITY_TYPES = ['READ', 'WRITE', 'READWRITE'];

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
      case 'storage.getFileAuthority':
        return { data: this.fileAuthority(body) };
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

  /**
   * POST /storage/<cloudPath> (or /storage/ with the path in the form's `key`): COS's form upload,
   * checked against the same upload token as a PUT.
   */
  async uploadForm(urlPath: string, form: FormUpload): Promise<ByteResult> {
    const cloudPath = urlPath === '' ? form.key : urlPath;
    if (cloudPath === undefined || (form.key !== undefined && form.key !== cloudPath)) {
      return {
        status: 400,
        xmlError: cosError('InvalidArgument', 'the form key does not name the upload path', urlPath),
      };
    }
    const put = await this.upload(cloudPath, form.token, form.bytes);
    if ('xmlError' in put) return put;
    if (form.status !== 201) return { status: form.status, body: Buffer.alloc(0), contentType: 'application/xml' };
    return { status: 201, body: Buffer.from(postResponse(cloudPath, form.bytes)), contentType: 'application/xml' };
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
    checkFileList(fileList, 'file_list');
    return fileList.map((item: unknown) => {
      const { fileid, max_age: maxAge } = (item ?? {}) as { fileid?: unknown; max_age?: unknown };
      const cloudPath = cloudPathOf(fileid);
      // An id that names no file in this environment is a missing file, as CloudBase reports it
      // (its SDK's own tests download 'unexistFileID' and expect STORAGE_FILE_NONEXIST).
      if (cloudPath === undefined || !fs.existsSync(this.fileOf(cloudPath))) {
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
    checkFileList(fileIds, 'fileid_list');
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

  /**
   * What node-sdk's getFileAuthority asks for a signed-in user. The local cloud has no storage
   * security rules, so every valid path is granted what was asked (see the README).
   */
  private fileAuthority(body: Record<string, unknown>): Record<string, unknown>[] {
    if (typeof body.openId !== 'string' && typeof body.uid !== 'string')
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'openId or uid is required');
    checkFileList(body.fileList, 'fileList');
    return body.fileList.map((item: unknown) => {
      const { path: given, type } = (item ?? {}) as { path?: unknown; type?: unknown };
      if (typeof type !== 'string' || !AUTHORITY_TYPES.includes(type))
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `invalid type: ${String(type)}`);
      const cloudPath = cloudPathOf(given) ?? checkCloudPath(given);
      return {
        path: given,
        cosFileId: createHash('sha256').update(cloudPath).digest('base64').slice(0, 22),
        read: type !== 'WRITE',
        write: type !== 'READ',
      };
    });
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

function checkFileList(list: unknown, field: string): asserts list is unknown[] {
  if (!Array.isArray(list) || list.length === 0)
    throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `${field} must be a non-empty array`);
  if (list.length > MAX_FILES_PER_REQUEST)
    throw new CloudApiError(
      CLOUD_ERROR_CODES.INVALID_PARAM,
      `${field} holds ${list.length} files; at most ${MAX_FILES_PER_REQUEST} per request`,
    );
}

/** COS's answer to a form upload with success_action_status 201. */
function postResponse(cloudPath: string, bytes: Buffer): string {
  const etag = createHash('md5').update(bytes).digest('hex');
  const key = escapeXml(cloudPath);
  return (
    `<?xml version='1.0' encoding='utf-8' ?>\n<PostResponse><Location>/${key}</Location><Bucket>local</Bucket>` +
    `<Key>${key}</Key><ETag>"${etag}"</ETag></PostResponse>`
  );
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
