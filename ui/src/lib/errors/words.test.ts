import { describe, expect, it } from 'vitest';
import type { FormProblem } from '../backend';
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

  it('nest the words of a field check, an import refusal and a fallback cause', () => {
    const invalid = {
      message: 'invalid profile: Name: enter a name',
      words: { message: { key: 'profileInvalid' as const, field: 'name', fieldLabel: { key: 'name' as const }, fieldReason: { key: 'enterName' as const } }, hint: null },
    };
    expect(errorMessage(invalid, 'en')).toBe('invalid profile: Name: enter a name');
    expect(errorMessage(invalid, 'zh-CN')).toBe('配置档案无效：名称：请输入名称');
    const fallback = {
      message: '',
      words: { message: { key: 'sandboxFallback' as const, name: 'prod', cause: { key: 'keychainLocked' as const, detail: 'login' } }, hint: null },
    };
    expect(errorMessage(fallback, 'en')).toBe('Using the Sandbox: profile "prod" could not be opened: the keyring is locked (login)');
    expect(errorMessage(fallback, 'zh-CN')).toBe('正在使用沙箱：无法打开配置档案“prod”：钥匙串已锁定（login）');
  });

  it('of exports, runs, IDs and guest steps are worded too', () => {
    const folder = { message: 'the folder /fake/out does not exist', words: { message: { key: 'exportNoFolder' as const, folder: '/fake/out' }, hint: { key: 'exportNoFolder' as const } } };
    expect(errorMessage(folder, 'zh-CN')).toBe('文件夹 /fake/out 不存在');
    expect(errorHint({ hint: null, ...folder }, 'zh-CN')).toBe('请重新导出并选择一个已存在的文件夹；EIP Desk 不会创建文件夹。');
    const busy = { message: '', words: { message: { key: 'runBusy' as const, run: 'run-1', resource: 'eni-2' }, hint: { key: 'runBusy' as const } } };
    expect(errorMessage(busy, 'zh-CN')).toBe('运行记录 run-1 正在处理 eni-2，请等待其完成');
    const id = { hint: null, words: { message: null, hint: { key: 'idPrefixed' as const, prefix: 'eip-' } } };
    expect(errorHint(id, 'zh-CN')).toBe('请输入 `eip-` 后跟小写字母和数字。');
    const script = { message: '', words: { message: { key: 'guestScriptFailed' as const, instance: 'i-1', exitCode: 2, output: 'oops' }, hint: { key: 'guestRetry' as const } } };
    expect(errorMessage(script, 'zh-CN')).toBe('i-1 中的脚本以退出码 2 结束。输出：\noops');
  });

  it('of a run refused to start or steer, and of a step whose state did not come, are worded in zh-CN', () => {
    const preflight = {
      message: '',
      words: {
        message: {
          key: 'runPreflight' as const,
          reasons: [
            { family: 'binding' as const, text: { key: 'eipNotFound' as const, eip: 'eip-gone' } },
            { family: 'binding' as const, text: { key: 'eipNotBound' as const, eip: 'eip-free' } },
          ],
        },
        hint: null,
      },
    };
    expect(errorMessage(preflight, 'zh-CN')).toBe('无法执行绑定：在此地域未找到弹性公网IP eip-gone；请刷新列表；弹性公网IP eip-free 未绑定任何资源');
    expect(errorMessage(preflight, 'en')).toBe('the binding cannot run: EIP eip-gone was not found in this region; refresh the list; EIP eip-free is not bound to anything');
    const unconfirmed = {
      message: '',
      words: {
        message: {
          key: 'runUnconfirmed' as const,
          warnings: [
            { text: { key: 'disruptive' as const }, impact: [{ key: 'nicDuringRun' as const, instance: 'i-1', eni: 'eni-1' }] },
            { text: { key: 'prePaidEip' as const, eip: 'eip-1' }, impact: [] },
          ],
        },
        hint: null,
      },
    };
    expect(errorMessage(unconfirmed, 'zh-CN')).toBe(
      '请先确认：我了解此操作的影响： 执行期间 i-1 失去网卡 eni-1；结束前会重新挂载。eip-1 是包年包月（PrePaid）弹性公网IP。如果在直通模式绑定期间释放它，弹性网卡将失去私网连通性，直到卸载并重新绑定。',
    );
    const wrong = { message: '', words: { message: { key: 'runCannotRollBack' as const, id: 'run-1', runStatus: 'rolledBack' as const }, hint: null } };
    expect(errorMessage(wrong, 'zh-CN')).toBe('运行记录 run-1 的状态为“已回滚”，现在无法回滚');
    const mismatch = {
      message: '',
      words: {
        message: {
          key: 'stepStateMismatch' as const,
          expected: { key: 'eipBound' as const, eip: 'eip-1', mode: 'BINDED' },
          seen: { key: 'eipOn' as const, status: 'InUse', mode: 'NAT', instance: 'i-9' },
        },
        hint: null,
      },
    };
    expect(errorMessage(mismatch, 'zh-CN')).toBe('预期 eip-1 已分配（直通模式），但当前为 已分配，以NAT 模式绑定到 i-9。');
    const timeout = {
      message: '',
      words: { message: { key: 'stepWaitTimeout' as const, expected: { key: 'eniAvailable' as const, eni: 'eni-1' }, seconds: 300, seen: { key: 'missing' as const } }, hint: null },
    };
    expect(errorMessage(timeout, 'zh-CN')).toBe('等待 eni-1 可用 超过 300 秒后已放弃；当前为 不存在。');
    const verify = {
      message: '',
      words: {
        message: {
          key: 'stepVerifyFailed' as const,
          checks: [
            { key: 'mismatch' as const, expected: { key: 'eniAvailable' as const, eni: 'eni-1' }, seen: { key: 'missing' as const } },
            { key: 'mismatch' as const, expected: { key: 'eipAvailable' as const, eip: 'eip-1' }, seen: { key: 'eipOn' as const, status: 'InUse', mode: 'BINDED', instance: 'eni-1' } },
          ],
        },
        hint: null,
      },
    };
    expect(errorMessage(verify, 'zh-CN')).toBe('最终状态与计划不符：预期 eni-1 可用，实际为 不存在；预期 eip-1 可用，实际为 已分配，以直通模式绑定到 eni-1。');
  });

  it('of a form that cannot become a job are worded in zh-CN, a job by its title', () => {
    const form = (formProblem: FormProblem) => ({ message: '', words: { message: { key: 'invalidForm' as const, formProblem }, hint: null } });
    expect(errorMessage(form({ key: 'notABindJob', job: 'releaseEip' }), 'zh-CN')).toBe('“释放弹性公网IP”不是绑定操作');
    expect(errorMessage(form({ key: 'notABindJob', job: 'releaseEip' }), 'en')).toBe('"Release EIPs" is not a binding job');
    expect(errorMessage(form({ key: 'chooseTargetEni' }), 'zh-CN')).toBe('请选择目标弹性网卡');
    expect(errorMessage(form({ key: 'notCidr', cidr: '10.0.0.1' }), 'zh-CN')).toBe('10.0.0.1 不是 IPv4 CIDR 地址段（例如 203.0.113.0/24）');
  });

  it("of Alibaba Cloud stay the cloud's own text", () => {
    expect(errorMessage(throttledApi(), 'zh-CN')).toBe('Request was denied due to user flow control.');
  });
});

function throttledApi() {
  return { message: 'Request was denied due to user flow control.', words: { message: null, hint: { key: 'apiThrottling' as const } } };
}
