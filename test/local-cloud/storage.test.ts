import { startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x80]);

describe('storage through node-sdk', () => {
  it('uploads, hands out a temp URL that serves the bytes, downloads and deletes', async () => {
    const app = cloud.sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'posts/2026/活动照片.png', fileContent: bytes });
    expect(fileID).toBe('cloud://lianjian-local.6c69-lianjian-local-1300000000/posts/2026/活动照片.png');

    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    expect(fileList).toEqual([
      { fileID, tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\//), code: 'SUCCESS' },
    ]);
    const res = await fetch(encodeURI(fileList[0].tempFileURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

    const downloaded = await app.downloadFile({ fileID });
    expect(downloaded.fileContent).toEqual(bytes);

    const deleted = await app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
    const after = await app.getTempFileURL({ fileList: [fileID] });
    expect(after.fileList[0]).toMatchObject({ fileID, code: 'STORAGE_FILE_NONEXIST' });
  });

  it('reports a missing file per item and refuses a download of it', async () => {
    const app = cloud.sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'a.txt', fileContent: Buffer.from('hello') });
    const missing = 'cloud://lianjian-local.6c69-lianjian-local-1300000000/missing.txt';
    const { fileList } = await app.getTempFileURL({ fileList: [fileID, { fileID: missing, maxAge: 60 }] });
    expect(fileList.map((f: { code: string }) => f.code)).toEqual(['SUCCESS', 'STORAGE_FILE_NONEXIST']);
    await expect(app.downloadFile({ fileID: missing })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    const deleted = await app.deleteFile({ fileList: [missing] });
    expect(deleted.fileList).toEqual([
      { fileID: missing, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist' },
    ]);
  });

  it('rejects temp URLs with a forged sign and uploads without the issued token', async () => {
    const app = cloud.sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'secret.txt', fileContent: Buffer.from('s') });
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    const forged = fileList[0].tempFileURL.replace(/sign=[0-9a-f]+/, `sign=${'0'.repeat(64)}`);
    expect((await fetch(forged)).status).toBe(403);
    const put = await fetch(`${cloud.baseUrl}/storage/secret.txt`, { method: 'PUT', body: 'overwritten' });
    expect(put.status).toBe(403);
    expect(String((await app.downloadFile({ fileID })).fileContent)).toBe('s');
  });

  it('rejects cloud paths that would leave the storage folder', async () => {
    await expect(
      cloud.sdk().uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') }),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
  });

  it('forgets every file on reset', async () => {
    const app = cloud.sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'gone.txt', fileContent: Buffer.from('x') });
    await cloud.reset();
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });

  it('refuses more than 50 file ids in one request with a top-level INVALID_PARAM', async () => {
    // CloudBase's limit; node-sdk's own tests send 51 ids and expect INVALID_PARAM.
    const app = cloud.sdk();
    const many = Array.from({ length: 51 }, (_, i) => `cloud://lianjian-local.6c69-lianjian-local-1300000000/${i}.txt`);
    await expect(app.deleteFile({ fileList: many })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(app.getTempFileURL({ fileList: many })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    const fifty = await app.deleteFile({ fileList: many.slice(0, 50) });
    expect(fifty.fileList).toHaveLength(50);
  });

  it('answers STORAGE_FILE_NONEXIST when downloading an id that names no file', async () => {
    await expect(cloud.sdk().downloadFile({ fileID: 'unexistFileID' })).rejects.toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
    });
  });

  it('getFileAuthority answers per file for a signed-in user', async () => {
    const app = cloud.sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'posts/a.png', fileContent: bytes });
    const saved = { WX_OPENID: process.env.WX_OPENID, WX_CONTEXT_KEYS: process.env.WX_CONTEXT_KEYS };
    try {
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
      process.env.WX_OPENID = 'o-alice';
      const res = await app.getFileAuthority({ fileList: [{ path: fileID, type: 'READ' }] });
      expect(res.data).toEqual([{ path: fileID, cosFileId: expect.any(String), read: true, write: false }]);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('accepts a COS form POST upload with the issued token, like a PUT', async () => {
    const app = cloud.sdk();
    const meta = (await app.getUploadMetadata({ cloudPath: 'forms/旧版.png' })) as unknown as {
      data: { url: string; token: string; authorization: string; fileId: string; cosFileId: string };
    };
    const form = new FormData();
    form.append('key', 'forms/旧版.png');
    form.append('Signature', meta.data.authorization);
    form.append('x-cos-security-token', meta.data.token);
    form.append('x-cos-meta-fileid', meta.data.cosFileId);
    form.append('success_action_status', '201');
    form.append('file', new Blob([bytes]), '旧版.png');
    const res = await fetch(meta.data.url, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    expect(await res.text()).toMatch(/<PostResponse>.*<Key>forms\/旧版\.png<\/Key>/);
    expect((await app.downloadFile({ fileID: meta.data.fileId })).fileContent).toEqual(bytes);

    // The token is spent; without success_action_status COS answers 204.
    const again = new FormData();
    again.append('x-cos-security-token', meta.data.token);
    again.append('file', new Blob([Buffer.from('x')]));
    expect((await fetch(meta.data.url, { method: 'POST', body: again })).status).toBe(403);
    const fresh = (await app.getUploadMetadata({ cloudPath: 'forms/b.txt' })) as unknown as {
      data: { token: string };
    };
    const root = new FormData();
    root.append('key', 'forms/b.txt');
    root.append('x-cos-security-token', fresh.data.token);
    root.append('file', new Blob([Buffer.from('b')]));
    expect((await fetch(`${cloud.baseUrl}/storage/`, { method: 'POST', body: root })).status).toBe(204);
  });
});
