/** 转接组织关系: choosing the target branch from the directory, the request, the list of requests. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { flush, load, tap, textOf, type, inputTips } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoCommittees, demoMember, demoTownOrgs, demoTransfer, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/member/transfer/index';
const PICKER = '#target-picker';

function directory(data: unknown) {
  const { parentId } = data as { parentId?: string };
  return ok(page(parentId ? demoTownOrgs : demoCommittees));
}

/** Chooses 青山镇 then the branch in the picker. */
async function chooseTownBranch(view: Rendered): Promise<void> {
  view.querySelectorAll(`${PICKER} >>> .chip`)[1]?.dispatchEvent('tap');
  await flush();
  await flush();
  const rows = view.querySelectorAll(`${PICKER} >>> .org-picker__org`);
  rows[0]?.dispatchEvent('tap');
  await flush();
}

describe('转接组织关系', () => {
  it('offers only other branches, sends the chosen one with the reason and lists the new request', async () => {
    const calls = stubCloud({
      'member.me': ok({ member: demoMember }),
      'transfer.list': ok(page([])),
      'org.directory': directory,
      'transfer.request': ok(demoTransfer),
    });
    const view = load(PAGE);
    await flush();
    await flush();
    expect(textOf(view)).toContain('还没有转接申请');
    expect(textOf(view, PICKER)).toContain('中共青山镇委员会');

    await chooseTownBranch(view);
    // Partner organisations (a village) cannot take members: only the town's branch is offered.
    expect(textOf(view, PICKER)).toContain('青山镇机关党支部');
    expect(textOf(view, PICKER)).not.toContain('河西村党支部');

    type(view, '#reason', '工作调动到青山镇');
    await flush();
    tap(view, '#submit');
    await flush();
    await flush();
    expect(calls.find((c) => c.action === 'transfer.request')?.data).toEqual({
      toBranchId: 'branch-town-office',
      reason: '工作调动到青山镇',
    });
    expect(textOf(view)).toContain('第二党支部 → 青山镇机关党支部');
    expect(textOf(view)).toContain('待转出支部同意');
  });

  it('asks for a target before calling the server', async () => {
    const calls = stubCloud({
      'member.me': ok({ member: demoMember }),
      'transfer.list': ok(page([])),
      'org.directory': directory,
    });
    const view = load(PAGE);
    await flush();
    tap(view, '#submit');
    await flush();
    expect(textOf(view)).toContain('请选择转入的支部');
    expect(calls.some((c) => c.action === 'transfer.request')).toBe(false);
  });

  it("shows the server's field message on the reason and other refusals on the form", async () => {
    let answer = fail({
      code: 'INVALID_INPUT',
      message: '填写的内容有误，请检查后重试',
      details: [{ path: 'reason', message: '请填写原因' }],
    });
    stubCloud({
      'member.me': ok({ member: demoMember }),
      'transfer.list': ok(page([demoTransfer])),
      'org.directory': directory,
      'transfer.request': () => answer,
    });
    const view = load(PAGE);
    await flush();
    await chooseTownBranch(view);
    tap(view, '#submit');
    await flush();
    expect(inputTips(view, '#reason')).toBe('请填写原因');

    answer = fail({ code: 'TRANSFER_PENDING', message: '你已有一个待处理的转接申请' });
    type(view, '#reason', '工作调动');
    tap(view, '#submit');
    await flush();
    expect(inputTips(view, '#reason')).toBe('');
    expect(textOf(view, '.form-error')).toBe('你已有一个待处理的转接申请');
  });

  it('shows the error state with 重试 when the list cannot load', async () => {
    stubCloud({
      'member.me': ok({ member: demoMember }),
      'transfer.list': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
      'org.directory': directory,
    });
    const view = load(PAGE);
    await flush();
    expect(textOf(view)).toContain('服务暂时不可用，请稍后再试');
    expect(textOf(view)).toContain('重试');
  });
});
