/** file.*: where the caller may upload (see contract/file-actions.ts). */
import { uploadPath } from '../../../server/files';
import type { Handler } from './types';

export const prepareUpload: Handler<'file.prepareUpload'> = async ({ purpose, ext }, ctx) => ({
  cloudPath: uploadPath(ctx.openid, purpose, ext),
});
