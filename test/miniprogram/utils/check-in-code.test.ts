import { decodeCheckInCode, encodeCheckInCode, printedCodeFromScene } from '../../../miniprogram/utils/check-in-code';

const TOKEN = 'c1.AbCdEfGh.1a2b3c.0123456789abcdefghijkl';

describe('check-in QR payload', () => {
  it('reads back what the live screen writes', () => {
    const text = encodeCheckInCode({ eventId: 'td_branch_b1_2026-05', token: TOKEN });
    expect(text).toBe(`lianjian-checkin:td_branch_b1_2026-05:${TOKEN}`);
    expect(decodeCheckInCode(text)).toEqual({ eventId: 'td_branch_b1_2026-05', token: TOKEN });
  });

  it('tolerates the whitespace some scanners add around the text', () => {
    expect(decodeCheckInCode(` lianjian-checkin:e1:${TOKEN}\n`)).toEqual({ eventId: 'e1', token: TOKEN });
  });

  it.each([
    ['another app’s QR', 'https://u.wechat.com/abc'],
    ['an invite link', 'https://lianjian.example/join?code=ABCD2345'],
    ['the prefix of another scheme', `lianjian-invite:e1:${TOKEN}`],
    ['a missing token', 'lianjian-checkin:e1:'],
    ['an extra part', `lianjian-checkin:e1:${TOKEN}:extra`],
    ['characters outside ids and tokens', `lianjian-checkin:e 1:${TOKEN}`],
    ['garbage', '\u0000\u0001%%%'],
    ['an empty scan', ''],
    ['a very long text', `lianjian-checkin:e1:${'a'.repeat(300)}`],
  ])('reads %s as no code', (_, text) => {
    expect(decodeCheckInCode(text)).toBeNull();
  });

  it('reads anything that is not a string as no code', () => {
    expect(decodeCheckInCode(undefined)).toBeNull();
    expect(decodeCheckInCode({ eventId: 'e1', token: TOKEN })).toBeNull();
  });
});

describe('printed check-in code scene', () => {
  it.each([
    ['raw, as Android passes it', 'e=HQ7K2M9P'],
    ['URL-encoded, as iOS passes it', 'e%3DHQ7K2M9P'],
    ['encoded twice', 'e%253DHQ7K2M9P'],
    ['in lower case, with whitespace', ' e=hq7k2m9p '],
  ])('reads the short code %s', (_, scene) => {
    expect(printedCodeFromScene(scene)).toBe('HQ7K2M9P');
  });

  it.each([
    ['no scene', undefined],
    ['an invite scene', 'code=ABCD2345'],
    ['a short code of the wrong length', 'e=HQ7K2M9'],
    ['a stray percent sign', 'e=HQ7K%2M9P'],
    ['the live screen’s text', `lianjian-checkin:e1:${TOKEN}`],
  ])('reads %s as no code', (_, scene) => {
    expect(printedCodeFromScene(scene)).toBeNull();
  });
});
