/**
 * Every workflow run the app knows, kept current by the backend's run events: the bind sheet's
 * timeline and the Activity page read it, the interrupted-runs banner reads `interrupted`.
 * When a step settles (or a run stops) the touched resources are refreshed in the tables.
 */
import { toBackendError, onRunChanged, commands, type ErrorDto, type ResourceRef, type RunView } from '../backend';
import { rowActions } from '../inventory/actions.svelte';
import { inventory } from '../inventory/store.svelte';
import { inProgress, isFinal, kindOf, settledSteps } from './format';

class Runs {
  byId: Record<string, RunView> = $state({});
  error: ErrorDto | null = $state(null);
  list: RunView[] = $derived(Object.values(this.byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  interrupted: RunView[] = $derived(this.list.filter((r) => r.status === 'interrupted'));
  /** Runs still changing the cloud, or stopped half-way waiting for the user's decision. */
  inProgress: RunView[] = $derived(this.list.filter((r) => inProgress(r.status)));
  /** In-progress runs first, then the rest, newest first within each. */
  ordered: RunView[] = $derived([...this.inProgress, ...this.list.filter((r) => !inProgress(r.status))]);
  /** Each resource an in-progress run is changing (the core names them), and that run. */
  busy: Map<string, RunView> = $derived(new Map(this.inProgress.flatMap((r) => r.resources.map((id) => [id, r] as const))));
  private started = false;

  /** Loads recent runs and starts listening for changes (once). */
  async init() {
    if (this.started) return;
    this.started = true;
    try {
      await onRunChanged((run) => this.upsert(run));
      await this.reload();
    } catch (e) {
      this.started = false;
      this.error = toBackendError(e).dto;
    }
  }

  async reload() {
    try {
      const runs = await commands.workflowRuns(null);
      const next: Record<string, RunView> = {};
      for (const r of runs) next[r.id] = r;
      this.byId = { ...next, ...this.newerThan(next) };
      this.error = null;
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  /** Entries already received through events that are newer than a listing. */
  private newerThan(listed: Record<string, RunView>): Record<string, RunView> {
    const out: Record<string, RunView> = {};
    for (const [id, run] of Object.entries(this.byId)) {
      const other = listed[id];
      if (!other || run.revision > other.revision) out[id] = run;
    }
    return out;
  }

  upsert(run: RunView) {
    const before = this.byId[run.id];
    // Views can arrive out of order (a command's answer after later events): keep the newest.
    if (before && before.revision > run.revision) return;
    this.byId = { ...this.byId, [run.id]: run };
    if (!before || inProgress(before.status) !== inProgress(run.status)) rowActions.invalidate();
    const moved = !before || settledSteps(before) !== settledSteps(run) || (isFinal(run.status) && before.status !== run.status);
    if (moved) void this.refreshTables(run);
  }

  private async refreshTables(run: RunView) {
    const refs: ResourceRef[] = [];
    for (const id of run.resources) {
      const kind = kindOf(id);
      if (kind) refs.push({ kind, id, regionId: run.region });
    }
    if (refs.length > 0) await inventory.refreshResources(refs);
  }

  private async act(action: (id: string) => Promise<RunView>, id: string): Promise<ErrorDto | null> {
    try {
      this.upsert(await action(id));
      return null;
    } catch (e) {
      return toBackendError(e).dto;
    }
  }

  resume = (id: string) => this.act(commands.resumeRun, id);
  rollBack = (id: string) => this.act(commands.rollBackRun, id);
  cancel = (id: string) => this.act(commands.cancelRun, id);
}

export const runs = new Runs();
