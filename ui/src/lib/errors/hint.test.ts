import { describe, expect, it } from 'vitest';
import { errorHint } from './hint';

describe('error hints', () => {
  const throttled = { hint: 'Alibaba Cloud is rate-limiting this account; wait a moment and retry.', hintText: { key: 'apiThrottling' as const } };

  it('are worded from the key in each language', () => {
    expect(errorHint(throttled, 'en')).toBe('Alibaba Cloud is rate-limiting this account; wait a moment and retry.');
    expect(errorHint(throttled, 'zh-CN')).toBe('阿里云正在对该账号限流；请稍候再重试。');
  });

  it('fill their inputs verbatim', () => {
    const dataDir = { hint: null, hintText: { key: 'dataDir' as const, path: '/fake/home' } };
    expect(errorHint(dataDir, 'zh-CN')).toBe('请确认 /fake/home 归您所有，且您可以修改其权限。');
    expect(errorHint(dataDir, 'en')).toBe('Check that you own /fake/home and can change its permissions.');
  });

  it('fall back to the English hint of an error without a key', () => {
    expect(errorHint({ hint: 'Try the export again.', hintText: null }, 'zh-CN')).toBe('Try the export again.');
    expect(errorHint({ hint: null, hintText: null })).toBeNull();
  });
});
