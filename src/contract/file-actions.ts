/**
 * Uploads. The server names every path a client may upload to, under a folder of the caller's
 * own (a hash of their openid, so paths reveal nobody) and the purpose, and an action accepts a
 * file only from the caller's own folder for that purpose: nobody can attach a file they did
 * not upload themselves, such as another branch's attendance export.
 */
import { z } from 'zod';
import { input } from './fields';
import { action, ANY_MEMBER } from './spec';

export const UPLOAD_PURPOSES = ['agreement', 'studyPhoto', 'post', 'notice', 'minutes'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export interface UploadTarget {
  /** Pass as `cloudPath` to wx.cloud.uploadFile. */
  cloudPath: string;
  /**
   * When asked for (`form: true`): a one-time grant to upload to `cloudPath` with wx.uploadFile, a
   * COS form POST (`name: 'file'`, these form fields). For clients without wx.cloud.uploadFile,
   * such as the mini-program in local mode. The grant names only this path and expires.
   */
  form?: { url: string; fields: Record<string, string>; fileID: string };
}

export const fileActions = {
  'file.prepareUpload': action<UploadTarget>()({
    input: () =>
      input({
        purpose: z.enum(UPLOAD_PURPOSES, { errorMap: () => ({ message: '不支持的文件用途' }) }),
        /** The chosen file's extension, kept so the file opens with the right app. */
        ext: z
          .string()
          .regex(/^\.[A-Za-z0-9]{1,8}$/, { message: '文件类型不正确' })
          .optional(),
        /** A hint of the chosen file's name (letters, digits, - and _), kept at the end of the path. */
        name: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: '文件名格式不正确' })
          .optional(),
        form: z.boolean().default(false),
      }),
    roles: ANY_MEMBER,
    perMinute: 30,
  }),
} as const;
