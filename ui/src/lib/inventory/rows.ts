/**
 * Pure inventory row logic for the UI: per-region state, applying refresh patches, and the
 * display texts (what an EIP is bound to, an ENI's EIPs, an instance's ENI capacity) that
 * the tables show, search and export.
 */
import { cutThroughText } from './reasons';
import { m } from '../i18n';
import type { EipRef, EipRow, EniRow, ErrorDto, InstanceRow, InventoryPatch, RegionRows } from '../backend';
import { modeLabel } from '../table';
import { verdictText } from './values';

export type RegionStatus = 'loading' | 'loaded' | 'failed';

export interface RegionState {
  id: string;
  status: RegionStatus;
  error: ErrorDto | null;
  loadedAt: string | null;
  warnings: string[];
  rows: RegionRows | null;
}

export type RegionMap = Readonly<Record<string, RegionState>>;

/** Every row of one kind across regions, regions in ID order. */
export function flatten<K extends 'eips' | 'enis' | 'instances'>(regions: RegionMap, kind: K): RegionRows[K] {
  const out: RegionRows[K] = [] as unknown as RegionRows[K];
  for (const id of Object.keys(regions).sort()) {
    const rows = regions[id]?.rows;
    if (rows) (out as unknown[]).push(...(rows[kind] as unknown[]));
  }
  return out;
}

function upsert<T>(rows: readonly T[], changed: readonly T[], removed: ReadonlySet<string>, key: (r: T) => string): T[] {
  const byKey = new Map(changed.map((r) => [key(r), r]));
  const out: T[] = [];
  for (const row of rows) {
    const k = key(row);
    if (removed.has(k)) continue;
    const next = byKey.get(k);
    out.push(next ?? row);
    byKey.delete(k);
  }
  out.push(...byKey.values());
  return out;
}

/** The region map with a refresh patch applied (a region not in the map is added). */
export function applyPatch(regions: RegionMap, patch: InventoryPatch): RegionMap {
  const current = regions[patch.regionId];
  const base: RegionRows = current?.rows ?? { regionId: patch.regionId, eips: [], enis: [], instances: [] };
  const gone = (kind: string) => new Set(patch.removed.filter((r) => r.kind === kind).map((r) => r.id));
  const rows: RegionRows = {
    regionId: patch.regionId,
    eips: upsert(base.eips, patch.eips, gone('eip'), (r) => r.allocationId),
    enis: upsert(base.enis, patch.enis, gone('eni'), (r) => r.networkInterfaceId),
    instances: upsert(base.instances, patch.instances, gone('instance'), (r) => r.instanceId),
  };
  return {
    ...regions,
    [patch.regionId]: {
      id: patch.regionId,
      status: 'loaded',
      error: null,
      warnings: current?.warnings ?? [],
      loadedAt: patch.refreshedAt,
      rows,
    },
  };
}

/** "10.0.0.1 (Cut-through)" style list of EIPs. */
export function eipsText(eips: readonly EipRef[]): string {
  return eips.map((e) => `${e.ipAddress} (${modeLabel(e.mode) || e.mode})`).join(', ');
}

/** What an EIP is bound to, as the table shows it: target ID first, then names. */
export function boundToText(row: EipRow): string {
  const b = row.binding;
  if (!b) return '';
  if (b.target === 'eni') {
    const via = b.instanceId ? ` → ${b.instanceName ?? b.instanceId}` : ` ${m.not_attached_paren()}`;
    return `${b.targetId}${b.eniName ? ` ${b.eniName}` : ''}${via}`;
  }
  if (b.target === 'instance') return `${b.targetId}${b.instanceName ? ` ${b.instanceName}` : ''}`;
  return `${b.targetId} (${b.targetType})`;
}

/** Short type word for a binding target. */
export function targetLabel(row: EipRow): string {
  switch (row.binding?.target) {
    case 'eni':
      return m.target_eni();
    case 'instance':
      return m.target_ecs();
    case 'other':
      return row.binding.targetType;
    default:
      return '';
  }
}

/** Cut-through verdict as a word. */
export function verdictLabel(row: EniRow): string {
  return verdictText(row.cutThrough.verdict);
}

/** The eligibility column: verdict plus the first blocking reason. */
export function eligibilityText(row: EniRow): string {
  const reason = row.cutThrough.reasons.find((r) => r.blocking) ?? row.cutThrough.reasons[0];
  return reason && row.cutThrough.verdict !== 'eligible' ? `${verdictLabel(row)}: ${cutThroughText(reason.text)}` : verdictLabel(row);
}

/** "2 / 3" ENIs used of the quota, or "2" when the quota is unknown. */
export function eniCapacityText(row: InstanceRow): string {
  return row.eniQuota == null ? `${row.enis.length}` : `${row.enis.length} / ${row.eniQuota}`;
}

/** Every EIP address reachable on an instance (its own and its ENIs'). */
export function instanceEips(row: InstanceRow): EipRef[] {
  return [...(row.eip ? [row.eip] : []), ...row.enis.flatMap((e) => e.eips)];
}
