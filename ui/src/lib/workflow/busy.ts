/**
 * How a table row shows that a run in progress is changing its resource: `aria-busy`, the
 * run's ID in `data-busy` (the row's marker is styled from it) and a tooltip naming the run.
 */
import type { RunView } from '../backend';
import { m } from '../i18n';
import { runs } from './runs.svelte';
import { stepTitle } from './step_text';

export function busyText(run: RunView): string {
  if (run.status !== 'running' && run.status !== 'rollingBack') return m.runBusy_held({ run: run.id });
  const step = run.steps.find((s) => s.status === 'running' || s.status === 'waiting' || s.status === 'undoing');
  return step ? m.runBusy_nowStep({ run: run.id, step: stepTitle(step.title) }) : m.runBusy_now({ run: run.id });
}

/** The attributes of a row whose resource is `id` (none when no run touches it). */
export function busyAttrs(id: string): Record<string, string> {
  const run = runs.busy.get(id);
  return run ? { 'data-busy': run.id, 'aria-busy': 'true', title: busyText(run) } : {};
}
