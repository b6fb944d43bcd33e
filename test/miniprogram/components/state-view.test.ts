import { buttonText, flush, listen, load, tap, textOf } from '../helpers/load';

function render(properties: Record<string, unknown>) {
  const view = load('components/state-view/index');
  view.setData(properties);
  return view;
}

describe('state-view', () => {
  it('shows a spinner while loading and hides the content', () => {
    const view = render({ status: 'loading' });
    expect(textOf(view)).toContain('加载中');
    expect(view.querySelector('.state-view--loading')).toBeDefined();
    expect(view.querySelector('.state-view--error')).toBeUndefined();
  });

  it('shows the empty text and hint, and an action that emits `action`', async () => {
    const view = render({
      status: 'empty',
      emptyText: '暂无活动',
      emptyHint: '支部发布活动后会显示在这里',
      actionText: '加入支部',
    });
    expect(textOf(view)).toContain('暂无活动');
    expect(textOf(view)).toContain('支部发布活动后会显示在这里');
    const onAction = listen(view, 'action');
    tap(view, '.state-view__button');
    await flush();
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('offers no action button when the empty state has none', () => {
    const view = render({ status: 'empty', emptyText: '暂无活动' });
    expect(view.querySelector('.state-view__button')).toBeUndefined();
  });

  it('shows the error message and a 重试 button that emits `retry`', async () => {
    const view = render({ status: 'error', message: '网络不给力，请检查网络后重试' });
    expect(textOf(view)).toContain('网络不给力，请检查网络后重试');
    expect(buttonText(view, '.state-view__button')).toBe('重试');
    const onRetry = listen(view, 'retry');
    tap(view, '.state-view__button');
    await flush();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
