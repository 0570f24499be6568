import { describe, expect, it } from 'vitest';
import { sheetTitle, currentStep, formatElapsed, inProgress, isActive, isFinal, jobFor, kindOf, progressText, runLabel, runTone, settledSteps, stepElapsed, stepLabel, stepTone } from './format';
import type { StepView } from '../backend';

function step(over: Partial<StepView>): StepView {
  return {
    index: 0,
    title: { key: 'verify' },
    effect: { key: 'removeRule' },
    apiAction: null,
    status: 'pending',
    waitingFor: null,
    clientToken: null,
    requestId: null,
    undoRequestId: null,
    startedAt: null,
    finishedAt: null,
    elapsedMs: null,
    error: null,
    onFailure: 'rollBack',
    undoTitle: null,
    guest: null,
    ...over,
  };
}

describe('statuses', () => {
  it('labels and tones runs', () => {
    expect(runLabel('waitingForDecision')).toBe('Needs a decision');
    expect(runTone('completed')).toBe('ok');
    expect(runTone('failed')).toBe('danger');
    expect(runTone('interrupted')).toBe('warn');
    expect(isFinal('rolledBack')).toBe(true);
    expect(isFinal('interrupted')).toBe(false);
    expect(isActive('rollingBack')).toBe(true);
    expect(isActive('waitingForDecision')).toBe(false);
  });

  it('labels steps with the state they wait for', () => {
    expect(stepLabel(step({ status: 'waiting', waitingFor: { key: 'eniAvailable', eni: 'eni-1' } }))).toBe('waiting for eni-1 Available');
    expect(stepLabel(step({ status: 'undoing', waitingFor: { key: 'eniAttached', eni: 'eni-1', instance: 'i-1' } }))).toBe('undoing: waiting for eni-1 InUse on i-1');
    expect(stepLabel(step({ status: 'undoFailed' }))).toBe('undo failed');
    expect(stepLabel(step({ status: 'done' }))).toBe('done');
    expect(stepTone('failed')).toBe('danger');
    expect(stepTone('undone')).toBe('warn');
    expect(stepTone('pending')).toBe('neutral');
    const err = { kind: 'invalidInput' as const, code: 'InvalidParameter', message: 'm', requestId: null, hint: null, words: null, recommend: null };
    expect(stepLabel(step({ status: 'undone', error: err }))).toBe('failed, nothing to undo');
    expect(stepTone('undone', { error: err, undoRequestId: null })).toBe('danger');
    expect(stepLabel(step({ status: 'undone', error: err, undoRequestId: 'R' }))).toBe('undone');
  });
});

describe('elapsed times', () => {
  it('formats short and long durations', () => {
    expect(formatElapsed(850)).toBe('850 ms');
    expect(formatElapsed(4210)).toBe('4.2 s');
    expect(formatElapsed(42_000)).toBe('42 s');
    expect(formatElapsed(125_000)).toBe('2 min 05 s');
    expect(formatElapsed(null)).toBe('');
    expect(formatElapsed(-1)).toBe('');
  });

  it('uses the journal for settled steps and the clock for running ones', () => {
    expect(stepElapsed(step({ elapsedMs: 1200, status: 'done' }), 0)).toBe(1200);
    const started = '2024-05-01T10:00:00.000Z';
    expect(stepElapsed(step({ startedAt: started, status: 'waiting' }), Date.parse(started) + 2500)).toBe(2500);
    expect(stepElapsed(step({}), 0)).toBeNull();
  });
});

describe('jobs and resources', () => {
  it('derives the job from the intent and modes', () => {
    expect(jobFor('bind', 'BINDED', null)).toBe('cutThroughBind');
    expect(jobFor('bind', 'NAT', null)).toBe('natBind');
    expect(jobFor('unbind', 'NAT', 'BINDED')).toBe('cutThroughUnbind');
    expect(jobFor('unbind', 'NAT', 'NAT')).toBe('natUnbind');
    expect(jobFor('switch', 'NAT', 'BINDED')).toBe('switchMode');
  });

  it('titles the sheet by what it does', () => {
    expect(sheetTitle('bind')).toBe('Bind EIP');
    expect(sheetTitle('unbind')).toBe('Unbind EIP');
    expect(sheetTitle('switch')).toBe('Switch binding mode');
  });

  it('knows resource kinds by prefix', () => {
    expect(kindOf('eip-bp1')).toBe('eip');
    expect(kindOf('eni-bp1')).toBe('eni');
    expect(kindOf('i-bp1')).toBe('instance');
    expect(kindOf('ngw-1')).toBeNull();
  });

  it('counts settled steps and progress', () => {
    const run = { steps: [step({ status: 'done' }), step({ status: 'undone' }), step({ status: 'waiting' })] };
    expect(settledSteps(run)).toBe(2);
    expect(progressText(run)).toBe('1 of 3 steps done');
  });
});

describe('runs in progress', () => {
  it('counts running, rolling back and waiting-for-decision runs, not finished or interrupted ones', () => {
    expect(['running', 'rollingBack', 'waitingForDecision'].every((s) => inProgress(s as never))).toBe(true);
    expect(['completed', 'rolledBack', 'cancelled', 'failed', 'interrupted'].some((s) => inProgress(s as never))).toBe(false);
  });
  it('names the step a run is on', () => {
    const steps = [step({ index: 0, status: 'done' }), step({ index: 1, status: 'waiting' }), step({ index: 2 })];
    expect(currentStep({ steps })?.index).toBe(1);
    expect(currentStep({ steps: [step({ status: 'done' })] })).toBeNull();
  });
});
