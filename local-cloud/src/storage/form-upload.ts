/**
 * COS's form upload (POST Object), which older SDKs and the mini-program's wx.cloud.uploadFile
 * use instead of a PUT: multipart fields `key`, `x-cos-security-token`, `Signature`,
 * `x-cos-meta-fileid`, optional `success_action_status`, and the bytes in `file`.
 */
import { boundaryOf, parseMultipart } from '../openapi/multipart';

export interface FormUpload {
  /** The `key` field: the cloud path, when the form names one. */
  key?: string;
  token?: string;
  bytes: Buffer;
  /** The status COS answers with: `success_action_status` if 200 or 201, else 204. */
  status: 200 | 201 | 204;
}

/** The upload a form body carries, or undefined when it is not a form with a `file` part. */
export function parseFormUpload(contentType: string | undefined, body: Buffer): FormUpload | undefined {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return undefined;
  const boundary = boundaryOf(contentType, body);
  if (!boundary) return undefined;
  const fields = new Map<string, string>();
  let bytes: Buffer | undefined;
  for (const part of parseMultipart(body, boundary)) {
    if (part.name === 'file') bytes = part.data;
    else fields.set(part.name.toLowerCase(), part.data.toString('utf8'));
  }
  if (!bytes) return undefined;
  const wanted = fields.get('success_action_status');
  return {
    key: fields.get('key'),
    token: fields.get('x-cos-security-token'),
    bytes,
    status: wanted === '200' ? 200 : wanted === '201' ? 201 : 204,
  };
}
