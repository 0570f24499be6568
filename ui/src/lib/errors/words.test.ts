import { describe, expect, it } from 'vitest';
import { errorHint, errorMessage } from './words';

describe('error hints', () => {
  const throttled = {
    message: 'Request was denied due to user flow control.',
    hint: 'Alibaba Cloud is rate-limiting this account; wait a moment and retry.',
    words: { message: null, hint: { key: 'apiThrottling' as const } },
  };

  it('are worded from the key in each language', () => {
    expect(errorHint(throttled, 'en')).toBe('Alibaba Cloud is rate-limiting this account; wait a moment and retry.');
    expect(errorHint(throttled, 'zh-CN')).toBe('阿里云正在对该账号限流；请稍候再重试。');
  });

  it('fill their inputs verbatim', () => {
    const dataDir = { hint: null, words: { message: null, hint: { key: 'dataDir' as const, path: '/fake/home' } } };
    expect(errorHint(dataDir, 'zh-CN')).toBe('请确认 /fake/home 归您所有，且您可以修改其权限。');
    expect(errorHint(dataDir, 'en')).toBe('Check that you own /fake/home and can change its permissions.');
  });

  it('fall back to the English hint of an error without a key', () => {
    expect(errorHint({ hint: 'Try the export again.', words: null }, 'zh-CN')).toBe('Try the export again.');
    expect(errorHint({ hint: null, words: null })).toBeNull();
  });
});

describe('error messages', () => {
  it('of our own errors are worded from the key in each language', () => {
    const taken = { message: 'a profile named "prod" already exists', words: { message: { key: 'profileNameTaken' as const, name: 'prod' }, hint: null } };
    expect(errorMessage(taken, 'en')).toBe('a profile named "prod" already exists');
    expect(errorMessage(taken, 'zh-CN')).toBe('已存在名为“prod”的配置档案');
    const locked = { message: 'the keyring is locked (collection login)', words: { message: { key: 'keychainLocked' as const, detail: 'collection login' }, hint: null } };
    expect(errorMessage(locked, 'zh-CN')).toBe('钥匙串已锁定（collection login）');
  });

  it("of Alibaba Cloud stay the cloud's own text", () => {
    expect(errorMessage(throttledApi(), 'zh-CN')).toBe('Request was denied due to user flow control.');
  });
});

function throttledApi() {
  return { message: 'Request was denied due to user flow control.', words: { message: null, hint: { key: 'apiThrottling' as const } } };
}
