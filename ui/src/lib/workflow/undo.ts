/**
 * What "Undo" on a completed run opens the bind sheet with: a cut-through bind is undone by
 * unbinding it (the ENI goes back where the run left it), a switch of mode by switching back.
 * Other jobs offer no undo here (an unbind is undone by binding again, from the tables).
 */
import { m } from '../i18n';
import type { BindMode, RunView } from '../backend';
import type { Prefill } from './sheet.svelte';

export type UndoSource = Pick<RunView, 'job' | 'region' | 'allocationId' | 'finalInstance' | 'plan'>;

/** The mode a switch-mode run set (its ModifyEipForwardMode call's `Mode`), or null. */
export function switchedTo(run: UndoSource): BindMode | null {
  const step = run.plan.steps.find((s) => s.apiAction === 'ModifyEipForwardMode');
  const mode = step?.params.find((p) => p.name === 'Mode')?.value;
  return mode === 'NAT' || mode === 'BINDED' ? mode : null;
}

export function undoPrefill(run: UndoSource): { label: string; prefill: Prefill } | null {
  if (run.job === 'cutThroughBind') {
    return {
      label: m.undo_binding(),
      prefill: { regionId: run.region, intent: 'unbind', allocationId: run.allocationId, currentMode: 'BINDED', attachTo: run.finalInstance ?? '' },
    };
  }
  if (run.job === 'switchMode') {
    const now = switchedTo(run);
    if (!now) return null;
    const back: BindMode = now === 'NAT' ? 'BINDED' : 'NAT';
    return {
      label: back === 'BINDED' ? m.undo_switch_cut_through() : m.undo_switch_nat(),
      prefill: { regionId: run.region, intent: 'switch', allocationId: run.allocationId, mode: back, currentMode: now },
    };
  }
  return null;
}
