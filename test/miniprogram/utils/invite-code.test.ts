import { extractInviteCode } from '../../../miniprogram/utils/invite-code';

describe('extractInviteCode', () => {
  it.each([
    ['a bare code', 'ABCD2345', 'ABCD2345'],
    ['a code in lower case with spaces, as typed from a chat', ' abcd 2345 ', 'ABCD2345'],
    ['a link with code=', 'https://lianjian.example.cn/join?from=chat&code=abcd2345', 'ABCD2345'],
    ['a raw scene (Android)', 'code=ABCD2345', 'ABCD2345'],
    ['a URL-encoded scene (iOS)', 'code%3DABCD2345', 'ABCD2345'],
    ['a mini-program path with an encoded scene', 'packages/member/join/index?scene=code%3DABCD2345', 'ABCD2345'],
    ['a doubly encoded scene', 'packages/member/join/index?scene=code%253DABCD2345', 'ABCD2345'],
    ['a scene that is the code itself', 'pages/x/index?scene=ABCD2345', 'ABCD2345'],
  ])('finds the code in %s', (_what, raw, expected) => {
    expect(extractInviteCode(raw)).toBe(expected);
  });

  it.each([
    ['nothing', undefined],
    ['an empty text', ''],
    ['an unrelated link', 'https://example.com/'],
    ['a code that is too long', 'code=ABCDEFGHJKLMN'],
    ['a broken escape', 'code=%E4%ZZ'],
    ['code= followed by punctuation', 'code=ABCD-2345'],
  ])('returns null for %s', (_what, raw) => {
    expect(extractInviteCode(raw)).toBeNull();
  });
});
