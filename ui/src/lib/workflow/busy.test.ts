import { afterEach, describe, expect, it } from 'vitest';
import type { RunView, StepView } from '../backend';
import { language } from '../i18n';
import { busyText } from './busy';

const step = (over: Partial<StepView>): StepView => ({ index: 0, title: { key: 'verify' }, status: 'pending', ...over }) as StepView;

function run(status: RunView['status'], steps: StepView[]): RunView {
  return { id: 'run-7', status, steps } as unknown as RunView;
}

const attaching = [
  step({ index: 0, status: 'done', title: { key: 'detachEni', eni: 'eni-bp1sec0001', instance: 'i-bp1web0001' } }),
  step({ index: 1, status: 'waiting', title: { key: 'bind', eip: 'eip-bp1free0001', target: 'eni-bp1sec0001', mode: 'BINDED' } }),
];

describe('the busy row tooltip', () => {
  afterEach(() => language.set('en'));

  it('names the run and the step it is on, in English', () => {
    language.set('en');
    expect(busyText(run('running', attaching))).toBe('Run run-7 is changing it right now: Bind eip-bp1free0001 to eni-bp1sec0001 in cut-through mode');
    expect(busyText(run('running', []))).toBe('Run run-7 is changing it right now');
    expect(busyText(run('interrupted', attaching))).toMatch(/^Run run-7 stopped half-way/);
  });

  it('says it in Chinese when the language is zh-CN', () => {
    language.set('zh-CN');
    expect(busyText(run('running', attaching))).toBe('执行 run-7 正在更改该资源：以直通模式将 eip-bp1free0001 绑定到 eni-bp1sec0001');
    expect(busyText(run('waitingForDecision', attaching))).toMatch(/^执行 run-7 中途停止/);
  });
});
