/** 发起联建: name, form, partners from the directory, term; the server's refusals on the fields. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { inputTips, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoCommittees, demoProposedDetail, demoSecretary, demoTownOrgs, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/propose/index';
const PICKER = '#partner-picker';

const replies = (propose: Replies['pairing.propose']): Replies => ({
  'member.me': ok({ member: demoSecretary }),
  'org.directory': (data) => ok(page((data as { parentId?: string }).parentId ? demoTownOrgs : demoCommittees)),
  'pairing.propose': propose,
});

async function pick(view: Rendered, orgIndexes: number[]): Promise<void> {
  view.querySelectorAll(`${PICKER} >>> .chip`)[1]?.dispatchEvent('tap');
  await settle();
  for (const i of orgIndexes) {
    view.querySelectorAll(`${PICKER} >>> .org-picker__org`)[i]?.dispatchEvent('tap');
    await settle();
  }
}

/** WeChat's date picker reports its value in `detail.value`. */
function pickDate(view: Rendered, id: string, value: string): void {
  view.querySelector(`.sub-page >>> #${id}`)?.dispatchEvent('change', { detail: { value } });
}

describe('发起联建', () => {
  it('sends an alliance with two partners from the directory and opens it', async () => {
    const calls = stubCloud(replies(ok(demoProposedDetail)));
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const view = load(PAGE);
    await settle();
    type(view, '#name', '东门社区党建联盟');
    view.querySelector('.sub-page >>> #kind-alliance')?.dispatchEvent('tap');
    await settle();
    await pick(view, [0, 2]);
    expect(textOf(view, PICKER)).toContain('河西村党支部');
    // Rows to choose from, each with its kind; the chosen ones marked.
    const rows = view.querySelectorAll(`${PICKER} >>> .org-picker__org`);
    expect(rows.map((r) => (r.dom?.textContent ?? '').replace(/\s+/g, ''))).toEqual([
      '河西村党支部村党组织',
      '青山镇机关党支部党支部·机关',
      '东门社区党委社区党组织',
    ]);
    expect(view.querySelectorAll(`${PICKER} >>> .org-picker__org--on`)).toHaveLength(2);
    pickDate(view, 'term-start', '2026-05-01');
    pickDate(view, 'term-end', '2027-04-30');
    await settle();
    // Pickers read dates the way every page does.
    expect(textOf(view, '.sub-page >>> #term-start')).toBe('2026年5月1日');
    expect(textOf(view, '.sub-page >>> #term-end')).toBe('2027年4月30日');
    tap(view, '#submit');
    await settle();
    expect(calls.find((c) => c.action === 'pairing.propose')?.data).toEqual({
      name: '东门社区党建联盟',
      kind: 'alliance',
      partnerIds: ['village-hexi', 'community-east'],
      termStart: '2026-05-01',
      termEnd: '2027-04-30',
    });
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/pairing/detail/index?id=pairing-east' }),
    );
  });

  it('in 1:1 form keeps one partner: choosing another replaces it', async () => {
    stubCloud(replies(ok(demoProposedDetail)));
    const view = load(PAGE);
    await settle();
    await pick(view, [0, 2]);
    expect(view.data.values.partners).toEqual([{ id: 'community-east', name: '东门社区党委' }]);
  });

  it('asks for partners and dates first, then shows the server field and partner refusals', async () => {
    let answer = fail({
      code: 'INVALID_INPUT',
      message: '填写的内容有误，请检查后重试',
      details: [
        { path: 'name', message: '请填写联建名称' },
        { path: 'termEnd', message: '结束日期不能早于开始日期' },
      ],
    });
    const calls = stubCloud(replies(() => answer));
    const view = load(PAGE);
    await settle();
    tap(view, '#submit');
    await settle();
    expect(textOf(view)).toContain('请选择结对组织');
    expect(textOf(view)).toContain('请选择开始日期');
    expect(calls.some((c) => c.action === 'pairing.propose')).toBe(false);

    await pick(view, [0]);
    pickDate(view, 'term-start', '2026-05-01');
    pickDate(view, 'term-end', '2026-04-01');
    await settle();
    tap(view, '#submit');
    await settle();
    expect(inputTips(view, '#name')).toBe('请填写联建名称');
    expect(textOf(view)).toContain('结束日期不能早于开始日期');

    answer = fail({ code: 'PAIRING_DUPLICATE', message: '与该组织已有结对或待确认的结对邀请' });
    type(view, '#name', '结对');
    tap(view, '#submit');
    await settle();
    expect(view.data.errors.partners).toBe('与该组织已有结对或待确认的结对邀请');
    expect(textOf(view)).toContain('与该组织已有结对或待确认的结对邀请');
  });
});
