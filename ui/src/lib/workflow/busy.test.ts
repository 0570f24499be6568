import { describe, expect, it, onTestFinished } from 'vitest';
import type { RunView } from '../backend';
import { language } from '../i18n';
import { busyText } from './busy';

const run = (status: RunView['status'], steps: { status: string; title: string }[] = []) => ({ id: 'run-0001', status, steps }) as unknown as RunView;

describe('busy row tooltip', () => {
  it('names the run and its step in the chosen language', () => {
    expect(busyText(run('running', [{ status: 'running', title: 'Detach eni-1' }]))).toBe('Run run-0001 is changing it right now: Detach eni-1');
    expect(busyText(run('running'))).toBe('Run run-0001 is changing it right now');
    language.set('zh-CN');
    onTestFinished(() => language.set('system'));
    expect(busyText(run('running'))).toBe('运行记录 run-0001 正在更改它');
    expect(busyText(run('waitingForDecision'))).toContain('中途停止');
  });
});
