/**
 * The inventory as the UI holds it: per-region state (loading, loaded with rows, failed with
 * its error), the rows of every kind across the scope, progress ("7/15 regions"), the last
 * refresh time, auto-refresh, and targeted refreshes after a change.
 *
 * Other features call `inventory.refreshResources([{ kind, id, regionId }])` after changing
 * something, and the affected rows update in place without a full reload.
 */
import { commands, toBackendError, type EipRow, type EniRow, type ErrorDto, type InstanceRow, type InventoryEvent, type ResourceRef } from '../backend';
import { numberCodec, Persisted } from '../persisted.svelte';
import { applyPatch, flatten, type RegionMap, type RegionState } from './rows';

class Inventory {
  /** Replaced (never mutated) on every change, so derived rows recompute once per event. */
  regions: RegionMap = $state.raw({});
  scope = $state('');
  loading = $state(false);
  /** When the last load or refresh finished (ISO time). */
  lastRefreshed: string | null = $state(null);
  /** An error of the scope itself (e.g. the region list could not be read). */
  error: ErrorDto | null = $state(null);
  readonly #autoRefresh = new Persisted('eipdesk.inventory.autoRefreshSeconds', 0, { codec: numberCodec((n) => n >= 0) });
  /** Seconds between automatic refreshes; 0 is off. Remembered in localStorage. */
  get autoRefreshSeconds(): number {
    return this.#autoRefresh.current;
  }

  // Rebuilt only when `regions` is replaced (a derived nobody watches is re-read often).
  private flat = { regions: null as RegionMap | null, eips: [] as EipRow[], enis: [] as EniRow[], instances: [] as InstanceRow[] };
  private flattened() {
    if (this.flat.regions !== this.regions) {
      const r = this.regions;
      this.flat = { regions: r, eips: flatten(r, 'eips'), enis: flatten(r, 'enis'), instances: flatten(r, 'instances') };
    }
    return this.flat;
  }
  eips = $derived.by(() => this.flattened().eips);
  enis = $derived.by(() => this.flattened().enis);
  instances = $derived.by(() => this.flattened().instances);
  regionList: RegionState[] = $derived(Object.values(this.regions).sort((a, b) => a.id.localeCompare(b.id)));
  progress = $derived({
    done: this.regionList.filter((r) => r.status !== 'loading').length,
    total: this.regionList.length,
    failed: this.regionList.filter((r) => r.status === 'failed').length,
  });

  /** Bumped by every superseding load: events of older loads are ignored. */
  private epoch = 0;
  private loadedKey = '';
  private timer: ReturnType<typeof setInterval> | null = null;

  /**
   * Loads `scope` unless it is already loaded for this session `generation`. Rows stay on
   * screen while a refresh of the same scope and profile runs; anything else starts empty.
   */
  ensure(scope: string, generation: number, profile: string) {
    const key = `${generation}|${profile}|${scope}`;
    if (!scope || key === this.loadedKey) return;
    const keepRows = scope === this.scope && profile === this.profile;
    this.loadedKey = key;
    this.profile = profile;
    void this.load(scope, { keepRows });
  }
  private profile = '';

  /** Reloads the current scope, keeping rows on screen until fresh ones arrive. */
  refresh() {
    if (this.scope) void this.load(this.scope, { keepRows: true });
  }

  /** Loads every region of `scope`, superseding loads still running. */
  async load(scope: string, { keepRows = false }: { keepRows?: boolean } = {}) {
    const epoch = ++this.epoch;
    this.scope = scope;
    this.loading = true;
    this.error = null;
    if (!keepRows) this.regions = {};
    try {
      const summary = await commands.loadInventory({ scope, supersede: true }, (e) => this.onEvent(e, epoch, keepRows));
      if (epoch !== this.epoch) return;
      if (!summary.cancelled) this.lastRefreshed = summary.finishedAt;
    } catch (e) {
      if (epoch === this.epoch) this.error = toBackendError(e).dto;
    } finally {
      if (epoch === this.epoch) this.loading = false;
    }
  }

  /** Loads one region again (after it failed) without disturbing the others. */
  async retryRegion(regionId: string) {
    const epoch = this.epoch;
    this.setRegion(regionId, { status: 'loading', error: null });
    try {
      await commands.loadInventory({ scope: regionId, supersede: false }, (e) => this.onEvent(e, epoch, true));
    } catch (e) {
      if (epoch === this.epoch) this.setRegion(regionId, { status: 'failed', error: toBackendError(e).dto });
    }
  }

  /** Re-reads the named resources and patches the rows that changed. */
  async refreshResources(refs: ResourceRef[]): Promise<void> {
    if (refs.length === 0) return;
    const epoch = this.epoch;
    const patches = await commands.refreshResources(refs);
    if (epoch !== this.epoch) return;
    let regions = this.regions;
    for (const patch of patches) {
      // Only regions in scope are shown; a patch for another region is dropped.
      if (regions[patch.regionId] || this.scope === 'all' || this.scope === patch.regionId) {
        regions = applyPatch(regions, patch);
      }
      this.lastRefreshed = patch.refreshedAt;
    }
    this.regions = regions;
  }

  setAutoRefresh(seconds: number) {
    this.#autoRefresh.current = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
    this.schedule();
  }

  /** (Re)starts the auto-refresh timer for the current interval. */
  schedule() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.autoRefreshSeconds > 0) {
      this.timer = setInterval(() => {
        if (!this.loading) this.refresh();
      }, this.autoRefreshSeconds * 1000);
    }
  }

  /** Stops auto-refresh (the interval stays remembered). */
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private setRegion(id: string, change: Partial<RegionState>) {
    const current: RegionState = this.regions[id] ?? { id, status: 'loading', error: null, loadedAt: null, warnings: [], rows: null };
    this.regions = { ...this.regions, [id]: { ...current, ...change } };
  }

  private onEvent(event: InventoryEvent, epoch: number, keepRows: boolean) {
    if (epoch !== this.epoch) return;
    switch (event.type) {
      case 'started': {
        const next: Record<string, RegionState> = keepRows ? { ...this.regions } : {};
        for (const id of event.regionIds) {
          const previous = next[id];
          next[id] = { id, status: 'loading', error: null, loadedAt: previous?.loadedAt ?? null, warnings: [], rows: previous?.rows ?? null };
        }
        if (event.regionIds.length > 1 || !keepRows) {
          // A scope load: regions that left the scope go.
          for (const id of Object.keys(next)) if (!event.regionIds.includes(id)) delete next[id];
        }
        this.regions = next;
        break;
      }
      case 'regionLoaded':
        this.setRegion(event.rows.regionId, {
          status: 'loaded',
          error: null,
          rows: event.rows,
          loadedAt: event.loadedAt,
          warnings: event.warnings,
        });
        break;
      case 'regionFailed':
        this.setRegion(event.regionId, { status: 'failed', error: event.error });
        break;
      case 'finished':
        break;
    }
  }
}

export const inventory: Readonly<Inventory> = new Inventory();
