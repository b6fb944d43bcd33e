/** file.*: where the caller may upload (see contract/file-actions.ts). */
import { uploadGrant, uploadPath } from '../../../server/files';
import type { Handler } from './types';

export const prepareUpload: Handler<'file.prepareUpload'> = async ({ purpose, ext, name, form }, ctx) => {
  const cloudPath = uploadPath(ctx.openid, purpose, ext, name);
  return form ? { cloudPath, form: await uploadGrant(cloudPath) } : { cloudPath };
};
