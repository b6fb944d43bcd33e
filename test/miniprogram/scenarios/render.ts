/** Renders a demo scenario in normal or care mode, the way the budgets test and the gallery need it. */
import { setCareMode } from '../../../miniprogram/store/preferences';
import { stubCloud, stubCloudOffline } from '../helpers/cloud';
import { freezeDate } from '../helpers/event-fixtures';
import { flush, load } from '../helpers/load';
import { stubPrivacy } from '../helpers/privacy';
import type { Rendered } from '../helpers/load';
import { recordSetData, takeSetDataRecords } from '../helpers/set-data-log';
import type { SetDataRecord } from '../helpers/set-data-log';
import type { Scenario } from './index';

export type Mode = 'normal' | 'care';

export interface RenderedScenario {
  page: Rendered;
  /** The custom tab bar as WeChat shows it under the page, for tab pages. */
  tabBar: Rendered | null;
  /** The page's initial data and every setData payload while loading and acting. */
  setData: SetDataRecord[];
}

function stubTransport(cloud: Scenario['cloud']): void {
  if (cloud === 'offline') stubCloudOffline();
  else if (cloud === 'pending')
    wx.cloud.callFunction = jest.fn(() => new Promise(() => undefined)) as unknown as typeof wx.cloud.callFunction;
  else stubCloud(cloud);
}

export async function renderScenario(scenario: Scenario, mode: Mode): Promise<RenderedScenario> {
  setCareMode(mode === 'care');
  if (scenario.now) freezeDate(scenario.now);
  scenario.platform?.();
  stubTransport(scenario.cloud);
  const privacy = scenario.privacy ? stubPrivacy() : undefined;
  takeSetDataRecords();
  const page = load(scenario.page, { query: scenario.query, beforeLoad: privacy?.beforeLoad });
  // A component shown on its own (首页's notice strip): its payloads count like a page's.
  if (scenario.page.startsWith('components/')) recordSetData(page.instance as Parameters<typeof recordSetData>[0]);
  await flush();
  if (scenario.act) {
    scenario.act(page);
    await flush();
    await flush();
  }
  const setData = takeSetDataRecords();
  const tabBar = scenario.tabBar ? load('custom-tab-bar/index', { route: scenario.page }) : null;
  return { page, tabBar, setData };
}
