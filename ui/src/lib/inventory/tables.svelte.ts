/**
 * The three resource tables' states, created once so search, filters, sort, columns and the
 * selection survive switching pages, but not a switch of profile (another account's search
 * and filters would hide its rows).
 */
import type { EipRow, EniRow, InstanceRow } from '../backend';
import { TableState } from '../components/table/TableState.svelte';
import { eipColumns, eipFilters, eniColumns, eniFilters, instanceColumns, instanceFilters } from './columns';
import { inventory } from './store.svelte';
import { session } from '../stores/session.svelte';

export const eipTable = new TableState<EipRow>({
  id: 'eips',
  columns: eipColumns,
  filters: eipFilters,
  key: (r) => r.allocationId,
  source: () => inventory.eips,
  sort: { id: 'ip', dir: 'asc' },
});

export const eniTable = new TableState<EniRow>({
  id: 'enis',
  columns: eniColumns,
  filters: eniFilters,
  key: (r) => r.networkInterfaceId,
  source: () => inventory.enis,
  sort: { id: 'id', dir: 'asc' },
});

export const instanceTable = new TableState<InstanceRow>({
  id: 'instances',
  columns: instanceColumns,
  filters: instanceFilters,
  key: (r) => r.instanceId,
  source: () => inventory.instances,
  sort: { id: 'name', dir: 'asc' },
});

let shownProfile: string | undefined;
$effect.root(() => {
  $effect(() => {
    const id = session.active?.profile.id;
    if (id === undefined) return;
    if (shownProfile !== undefined && id !== shownProfile) for (const t of [eipTable, eniTable, instanceTable]) t.resetView();
    shownProfile = id;
  });
});
