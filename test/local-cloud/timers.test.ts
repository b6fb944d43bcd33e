import { FIXTURE_FUNCTIONS_DIR, startTestCloud, type TestCloud } from '../support/local-cloud';

interface TickerResult {
  event: { Type: string; TriggerName: string; Time: string; Message: string };
  wx: Record<string, unknown>;
}

describe('timer triggers', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR });
  });
  afterAll(() => cloud.stop());

  it('lists the timer triggers from cloudbaserc.json', () => {
    expect(cloud.info().timers).toEqual([
      { functionName: 'ticker', name: 'morningReminder', config: '0 30 8 * * * *' },
      { functionName: 'ticker', name: 'everySecond', config: '* * * * * * *' },
    ]);
  });

  it('fires on demand with the SCF timer event and no end-user identity', async () => {
    const result = await cloud.fireTimer<TickerResult>(
      'ticker',
      'morningReminder',
      new Date('2026-03-15T00:30:00.250Z'),
    );
    expect(result.event).toEqual({
      Type: 'Timer',
      TriggerName: 'morningReminder',
      Time: '2026-03-15T00:30:00Z',
      Message: '',
    });
    expect(result.wx).toEqual({ APPID: 'wx0000000000000000', ENV: 'lianjian-local', SOURCE: 'wx_trigger' });
  });

  it('answers TIMER_NOT_FOUND for an unknown trigger', async () => {
    await expect(cloud.fireTimer('ticker', 'nope')).rejects.toMatchObject({ status: 404, code: 'TIMER_NOT_FOUND' });
  });
});

describe('scheduled timer triggers', () => {
  it('fire on their schedule while the local cloud runs', async () => {
    const cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR, scheduleTimers: true });
    try {
      const fileID = 'cloud://lianjian-local.6c69-lianjian-local-1300000000/ticks/everySecond.json';
      let code = '';
      for (let attempt = 0; attempt < 40 && code !== 'SUCCESS'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        code = (await cloud.sdk().getTempFileURL({ fileList: [fileID] })).fileList[0].code;
      }
      expect(code).toBe('SUCCESS');
      const { fileContent } = await cloud.sdk().downloadFile({ fileID });
      expect(JSON.parse(String(fileContent))).toMatchObject({ Type: 'Timer', TriggerName: 'everySecond' });
    } finally {
      await cloud.stop();
    }
  });
});
