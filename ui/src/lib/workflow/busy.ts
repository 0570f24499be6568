/**
 * How a table row shows that a run in progress is changing its resource: `aria-busy`, the
 * run's ID in `data-busy` (the row's marker is styled from it) and a tooltip naming the run.
 */
import type { RunView } from '../backend';
import { m } from '../i18n';
import { runs } from './runs.svelte';

export function busyText(run: RunView): string {
  const step = run.steps.find((s) => s.status === 'running' || s.status === 'waiting' || s.status === 'undoing');
  if (run.status !== 'running' && run.status !== 'rollingBack') return m.busy_held({ run: run.id });
  return step ? m.busy_runningStep({ run: run.id, step: step.title }) : m.busy_running({ run: run.id });
}

/** The attributes of a row whose resource is `id` (none when no run touches it). */
export function busyAttrs(id: string): Record<string, string> {
  const run = runs.busy.get(id);
  return run ? { 'data-busy': run.id, 'aria-busy': 'true', title: busyText(run) } : {};
}
