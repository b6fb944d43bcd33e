import { eventCodeScene, newEventCode } from '../../../src/domain/event-code';
import { INVITE_ALPHABET } from '../../../src/domain/invite';

describe('printed check-in code', () => {
  it('draws 8 readable characters and fits the 32-character scene', () => {
    let n = 0;
    const code = newEventCode((size) => (n++ * 7) % size);
    expect(code).toHaveLength(8);
    expect([...code].every((c) => INVITE_ALPHABET.includes(c))).toBe(true);
    expect(eventCodeScene(code)).toBe(`e=${code}`);
    expect(eventCodeScene(code).length).toBeLessThanOrEqual(32);
  });

  it('uses the whole alphabet, first to last', () => {
    expect(newEventCode(() => 0)).toBe(INVITE_ALPHABET[0]!.repeat(8));
    expect(newEventCode((size) => size - 1)).toBe(INVITE_ALPHABET.at(-1)!.repeat(8));
  });
});
