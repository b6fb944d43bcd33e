import { formatDateTime } from '../../../miniprogram/utils/date';

describe('formatDateTime', () => {
  it('shows an instant in Beijing time whatever the zone of the phone', () => {
    expect(formatDateTime('2026-04-01T10:00:00.000Z')).toBe('2026年4月1日 18:00');
  });

  it('rolls over to the next Beijing day after 16:00 UTC', () => {
    expect(formatDateTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05');
  });
});
