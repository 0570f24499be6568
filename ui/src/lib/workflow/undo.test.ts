import { describe, expect, it } from 'vitest';
import type { PlanStepView } from '../backend';
import { undoPrefill, type UndoSource } from './undo';

const step = (apiAction: string, params: Record<string, string>): PlanStepView =>
  ({ title: apiAction, effect: '', product: 'VPC', apiAction, params: Object.entries(params).map(([name, value]) => ({ name, value })), clientToken: true }) as unknown as PlanStepView;

function run(job: UndoSource['job'], steps: PlanStepView[] = [], finalInstance: string | null = null): UndoSource {
  return { job, region: 'cn-hangzhou', allocationId: 'eip-bp1aaa', finalInstance, plan: { steps } as unknown as UndoSource['plan'] };
}

describe('undo of a completed run', () => {
  it('unbinds a cut-through bind and re-attaches where the run left the ENI', () => {
    expect(undoPrefill(run('cutThroughBind', [], 'i-bp1web'))?.prefill).toEqual({
      regionId: 'cn-hangzhou',
      intent: 'unbind',
      allocationId: 'eip-bp1aaa',
      currentMode: 'BINDED',
      attachTo: 'i-bp1web',
    });
  });

  it('switches a switch of mode back', () => {
    const toCut = run('switchMode', [step('ModifyEipForwardMode', { RegionId: 'cn-hangzhou', InstanceId: 'eip-bp1aaa', Mode: 'BINDED' })]);
    expect(undoPrefill(toCut)).toEqual({
      label: 'Undo: switch back to NAT…',
      prefill: { regionId: 'cn-hangzhou', intent: 'switch', allocationId: 'eip-bp1aaa', mode: 'NAT', currentMode: 'BINDED' },
    });
    const toNat = run('switchMode', [step('ModifyEipForwardMode', { Mode: 'NAT' })]);
    expect(undoPrefill(toNat)?.prefill.mode).toBe('BINDED');
  });

  it('offers none for other jobs or a plan without the mode call', () => {
    expect(undoPrefill(run('natBind'))).toBeNull();
    expect(undoPrefill(run('switchMode', [step('Verify', {})]))).toBeNull();
  });
});
