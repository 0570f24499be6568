/**
 * Pure helpers of the binding workflow UI: labels and tones of run and step statuses, elapsed
 * times, which job a form describes, and the resource kind of an ID. No DOM; unit-tested.
 */
import { m, type Locale } from '../i18n';
import type { BindMode, JobKind, ResourceKind, RunStatus, RunView, StepStatus, StepView } from '../backend';
import type { Tone } from '../table';
import { waitText } from './step_text';

const RUN_LABELS: Record<RunStatus, (inputs: Record<string, never>, options: { locale?: Locale }) => string> = {
  running: m.run_running,
  waitingForDecision: m.run_waiting,
  rollingBack: m.run_rolling_back,
  completed: m.run_completed,
  rolledBack: m.run_rolled_back,
  cancelled: m.run_cancelled,
  failed: m.run_failed,
  interrupted: m.run_interrupted,
};

/** A run status in the chosen language (in `locale` when given); an unknown one as it is. */
export function runLabel(status: RunStatus, locale?: Locale): string {
  return RUN_LABELS[status]?.({}, locale ? { locale } : {}) ?? status;
}

export function runTone(status: RunStatus): Tone {
  switch (status) {
    case 'completed':
      return 'ok';
    case 'running':
    case 'rollingBack':
      return 'info';
    case 'waitingForDecision':
    case 'interrupted':
    case 'rolledBack':
    case 'cancelled':
      return 'warn';
    case 'failed':
      return 'danger';
  }
}

/** True when nothing more happens without the user. */
export function isFinal(status: RunStatus): boolean {
  return status === 'completed' || status === 'rolledBack' || status === 'cancelled' || status === 'failed';
}

/** True while the engine works on the run. */
export function isActive(status: RunStatus): boolean {
  return status === 'running' || status === 'rollingBack';
}

/** Whether a run still holds its resources half-way: running, or waiting for a decision. */
export function inProgress(status: RunStatus): boolean {
  return isActive(status) || status === 'waitingForDecision';
}

/** The step a run is on now (running, waiting for a state, or being undone). */
export function currentStep(run: Pick<RunView, 'steps'>): StepView | null {
  return run.steps.find((s) => s.status === 'running' || s.status === 'waiting' || s.status === 'undoing' || s.status === 'failed') ?? null;
}

/** A failed step rolled back without an undo call: it never took effect. */
function neverHappened(step: Partial<Pick<StepView, 'status' | 'error' | 'undoRequestId'>>): boolean {
  return step.status === 'undone' && !!step.error && !step.undoRequestId;
}

/** "waiting for eni-1 Available", "undo failed", … */
export function stepLabel(step: Pick<StepView, 'status' | 'waitingFor'> & Partial<Pick<StepView, 'error' | 'undoRequestId'>>): string {
  if (neverHappened(step)) return m.step_never_happened();
  switch (step.status) {
    case 'waiting':
      return step.waitingFor ? m.step_waiting_for({ what: waitText(step.waitingFor) }) : m.step_waiting();
    case 'undoing':
      return step.waitingFor ? m.step_undoing_waiting({ what: waitText(step.waitingFor) }) : m.step_undoing();
    case 'undoFailed':
      return m.step_undo_failed();
    case 'pending':
      return m.step_pending();
    case 'running':
      return m.step_running();
    case 'done':
      return m.step_done();
    case 'failed':
      return m.step_failed();
    case 'undone':
      return m.step_undone();
  }
}

export function stepTone(status: StepStatus, step?: Partial<Pick<StepView, 'error' | 'undoRequestId'>>): Tone {
  if (step && neverHappened({ ...step, status })) return 'danger';
  switch (status) {
    case 'done':
      return 'ok';
    case 'running':
    case 'waiting':
    case 'undoing':
      return 'info';
    case 'undone':
      return 'warn';
    case 'failed':
    case 'undoFailed':
      return 'danger';
    case 'pending':
      return 'neutral';
  }
}

/** `850 ms`, `4.2 s`, `2 min 05 s`. */
export function formatElapsed(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const whole = Math.round(s);
  const mins = Math.floor(whole / 60);
  return `${mins} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** The step's elapsed time: settled steps from the journal, running ones against `nowMs`. */
export function stepElapsed(step: Pick<StepView, 'elapsedMs' | 'startedAt' | 'finishedAt' | 'status'>, nowMs: number): number | null {
  if (step.elapsedMs != null) return step.elapsedMs;
  if (!step.startedAt || step.finishedAt) return null;
  const started = Date.parse(step.startedAt);
  return Number.isFinite(started) ? Math.max(0, nowMs - started) : null;
}

/** What the user wants to do, as the sheet's first choice. */
export type Intent = 'bind' | 'unbind' | 'switch';

/** The job a sheet describes: bind (mode decides), unbind (the binding's mode decides), switch. */
export function jobFor(intent: Intent, mode: BindMode, currentMode: string | null | undefined): JobKind {
  switch (intent) {
    case 'bind':
      return mode === 'BINDED' ? 'cutThroughBind' : 'natBind';
    case 'unbind':
      return currentMode === 'BINDED' ? 'cutThroughUnbind' : 'natUnbind';
    case 'switch':
      return 'switchMode';
  }
}

/** The bind sheet's title for what the user set out to do. */
export function sheetTitle(intent: Intent): string {
  switch (intent) {
    case 'bind':
      return m.sheet_bind();
    case 'unbind':
      return m.sheet_unbind();
    case 'switch':
      return m.sheet_switch();
  }
}

/** The resource kind of an ID (`eip-…`, `eni-…`, `i-…`), or null. */
export function kindOf(id: string): ResourceKind | null {
  if (id.startsWith('eip-')) return 'eip';
  if (id.startsWith('eni-')) return 'eni';
  if (id.startsWith('i-')) return 'instance';
  return null;
}

/** How many steps have settled (done or undone): a change means the tables should refresh. */
export function settledSteps(run: Pick<RunView, 'steps'>): number {
  return run.steps.filter((s) => s.status === 'done' || s.status === 'undone').length;
}

/** "3 of 4 steps done". */
export function progressText(run: Pick<RunView, 'steps'>): string {
  const done = run.steps.filter((s) => s.status === 'done').length;
  return m.steps_done({ done, total: run.steps.length });
}
