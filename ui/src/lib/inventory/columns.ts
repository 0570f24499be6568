/**
 * Columns and quick filters of the three resource tables. The first columns of the EIP
 * table keep the order IP, Allocation ID, Status, Bound to, Mode (end-to-end specs read
 * cells by position). The first column is pinned; `priority` says which columns stay when
 * the window is narrow (status, bound-to / cut-through and the identity always do); IDs sort
 * character by character, as the console does.
 */
import type { EipRow, EniRow, InstanceRow } from '../backend';
import { m } from '../i18n';
import { eniStatusText, modeLabel, statusText, statusTone, type ColumnDef, type Tone } from '../table';
import type { FilterDef } from '../components/table/model';
import { boundToText, eipsText, eligibilityText, eniCapacityText, instanceEips, targetLabel, verdictLabel } from './rows';
import { chargeTypeText, eniTypeText, meteringText, modeText, NONE, tagsText, targetText, verdictText } from './values';

const status = <T extends { status: string }>(word: (status: string) => string = statusText): ColumnDef<T> => ({
  id: 'status',
  get label() { return m.col_status(); },
  value: (r) => r.status,
  text: (r) => word(r.status),
  badge: (r) => statusTone(r.status),
  width: 110,
  priority: 1,
});

const region = <T extends { regionId: string }>(): ColumnDef<T> => ({ id: 'region', get label() { return m.col_region(); }, value: (r) => r.regionId, width: 130, priority: 2 });

function verdictTone(row: EniRow): Tone {
  switch (row.cutThrough.verdict) {
    case 'eligible':
      return 'ok';
    case 'active':
      return 'info';
    case 'needsDetach':
      return 'warn';
    case 'ineligible':
      return 'neutral';
  }
}

export const eipColumns: ColumnDef<EipRow>[] = [
  { id: 'ip', get label() { return m.col_ip(); }, value: (r) => r.ipAddress, mono: true, copy: true, width: 150, priority: 1 },
  { id: 'allocationId', get label() { return m.col_allocation_id(); }, value: (r) => r.allocationId, mono: true, copy: true, width: 230, lexical: true, priority: 2 },
  status(),
  {
    id: 'boundTo',
    get label() { return m.col_bound_to(); },
    value: boundToText,
    mono: true,
    width: 340,
    priority: 1,
    link: (r) => (r.binding?.target === 'eni' && r.binding.targetListed ? { kind: 'eni', id: r.binding.targetId } : r.binding?.target === 'instance' && r.binding.targetListed ? { kind: 'instance', id: r.binding.targetId } : null),
  },
  { id: 'mode', get label() { return m.col_mode(); }, value: (r) => modeLabel(r.mode), width: 100, placeholder: '', priority: 1 },
  region(),
  { id: 'name', get label() { return m.col_name(); }, value: (r) => r.name, width: 150, priority: 2 },
  { id: 'targetType', get label() { return m.col_target(); }, value: targetLabel, width: 80 },
  { id: 'privateIp', get label() { return m.col_private_ip(); }, value: (r) => r.privateIpAddress, mono: true, width: 130 },
  { id: 'bandwidth', get label() { return m.col_bandwidth(); }, value: (r) => Number(r.bandwidth) || null, text: (r) => (r.bandwidth ? m.bandwidth_mbps({ value: r.bandwidth }) : ''), width: 100 },
  { id: 'chargeType', get label() { return m.col_billing(); }, value: (r) => r.chargeType, text: (r) => chargeTypeText(r.chargeType), width: 90 },
  { id: 'metering', get label() { return m.col_metering(); }, value: (r) => r.internetChargeType, text: (r) => meteringText(r.internetChargeType), width: 130, hidden: true },
  { id: 'isp', get label() { return m.col_isp(); }, value: (r) => r.isp, width: 80, hidden: true },
  { id: 'allocated', get label() { return m.col_allocated(); }, value: (r) => r.allocationTime, width: 170, hidden: true },
  { id: 'locks', get label() { return m.col_locks(); }, value: (r) => r.lockReasons.join(', '), width: 110, hidden: true },
  { id: 'tags', get label() { return m.col_tags(); }, value: (r) => r.tags.join(', '), width: 160, hidden: true },
  { id: 'description', get label() { return m.col_description(); }, value: (r) => r.description, width: 200, hidden: true },
];

export const eipFilters: FilterDef<EipRow>[] = [
  { id: 'status', get label() { return m.col_status(); }, value: (r) => r.status, text: statusText },
  { id: 'mode', get label() { return m.col_mode(); }, value: (r) => r.mode || NONE, text: modeText },
  {
    id: 'type',
    get label() { return m.col_target(); },
    value: (r) => (r.binding ? (r.binding.target === 'other' ? r.binding.targetType : r.binding.target) : NONE),
    text: targetText,
  },
  { id: 'tags', get label() { return m.col_tags(); }, value: (r) => r.tags.join(', ') || NONE, text: tagsText },
];

export const eniColumns: ColumnDef<EniRow>[] = [
  { id: 'id', get label() { return m.col_eni_id(); }, value: (r) => r.networkInterfaceId, mono: true, copy: true, width: 230, lexical: true, priority: 1 },
  { id: 'name', get label() { return m.col_name(); }, value: (r) => r.name, width: 140, priority: 2 },
  status(eniStatusText),
  { id: 'type', get label() { return m.col_type(); }, value: (r) => r.eniType, text: (r) => eniTypeText(r.eniType), width: 95 },
  { id: 'privateIp', get label() { return m.col_private_ip(); }, value: (r) => r.privateIpAddress, mono: true, copy: true, width: 140, priority: 2 },
  {
    id: 'instance',
    get label() { return m.col_instance(); },
    value: (r) => (r.instanceId ? `${r.instanceId}${r.instanceName ? ` ${r.instanceName}` : ''}` : ''),
    mono: true,
    width: 260,
    priority: 2,
    link: (r) => (r.instanceId ? { kind: 'instance', id: r.instanceId } : null),
  },
  {
    id: 'eip',
    get label() { return m.col_eip(); },
    value: (r) => eipsText(r.eips),
    mono: true,
    width: 210,
    priority: 2,
    link: (r) => (r.eips[0] ? { kind: 'eip', id: r.eips[0].allocationId } : null),
  },
  { id: 'cutThrough', get label() { return m.col_cut_through(); }, value: eligibilityText, text: verdictLabel, badge: verdictTone, width: 130, priority: 1 },
  region(),
  { id: 'zone', get label() { return m.col_zone(); }, value: (r) => r.zoneId, width: 130 },
  { id: 'vpc', get label() { return m.col_vpc(); }, value: (r) => r.vpcName ?? r.vpcId, width: 150 },
  { id: 'vswitch', get label() { return m.col_vswitch(); }, value: (r) => r.vswitchName ?? r.vswitchId, width: 150, hidden: true },
  { id: 'secondaryIps', get label() { return m.col_secondary_ips(); }, value: (r) => r.secondaryPrivateIps.join(', '), mono: true, width: 160, hidden: true },
  { id: 'mac', get label() { return m.col_mac(); }, value: (r) => r.macAddress, mono: true, width: 150, hidden: true },
  { id: 'securityGroups', get label() { return m.col_security_groups(); }, value: (r) => r.securityGroupIds.join(', '), mono: true, width: 200, hidden: true },
  { id: 'tags', get label() { return m.col_tags(); }, value: (r) => r.tags.join(', '), width: 160, hidden: true },
  { id: 'created', get label() { return m.col_created(); }, value: (r) => r.creationTime, width: 170, hidden: true },
];

export const eniFilters: FilterDef<EniRow>[] = [
  { id: 'status', get label() { return m.col_status(); }, value: (r) => r.status, text: eniStatusText },
  { id: 'type', get label() { return m.col_type(); }, value: (r) => r.eniType, text: eniTypeText },
  { id: 'cutThrough', get label() { return m.col_cut_through(); }, value: (r) => r.cutThrough.verdict, text: verdictText },
  { id: 'tags', get label() { return m.col_tags(); }, value: (r) => r.tags.join(', ') || NONE, text: tagsText },
];

export const instanceColumns: ColumnDef<InstanceRow>[] = [
  { id: 'id', get label() { return m.col_instance_id(); }, value: (r) => r.instanceId, mono: true, copy: true, width: 220, lexical: true, priority: 1 },
  { id: 'name', get label() { return m.col_name(); }, value: (r) => r.name, width: 150, priority: 2 },
  status(),
  { id: 'type', get label() { return m.col_instance_type(); }, value: (r) => r.instanceType, width: 150 },
  { id: 'privateIp', get label() { return m.col_private_ip(); }, value: (r) => r.privateIpAddress, mono: true, copy: true, width: 130, priority: 2 },
  {
    id: 'eips',
    get label() { return m.col_eips(); },
    value: (r) => eipsText(instanceEips(r)),
    mono: true,
    width: 230,
    priority: 1,
    link: (r) => {
      const first = instanceEips(r)[0];
      return first ? { kind: 'eip', id: first.allocationId } : null;
    },
  },
  { id: 'enis', get label() { return m.col_enis(); }, value: (r) => r.enis.length, text: eniCapacityText, width: 80, priority: 2 },
  { id: 'eniFree', get label() { return m.col_eni_free(); }, value: (r) => r.eniRemaining, width: 110, priority: 2 },
  region(),
  { id: 'zone', get label() { return m.col_zone(); }, value: (r) => r.zoneId, width: 130 },
  { id: 'vpc', get label() { return m.col_vpc(); }, value: (r) => r.vpcName ?? r.vpcId, width: 150 },
  { id: 'vswitch', get label() { return m.col_vswitch(); }, value: (r) => r.vswitchName ?? r.vswitchId, width: 150, hidden: true },
  { id: 'os', get label() { return m.col_os(); }, value: (r) => r.osName, width: 200, hidden: true },
  { id: 'cpu', get label() { return m.col_cpu(); }, value: (r) => r.cpu, width: 70, hidden: true },
  { id: 'memory', get label() { return m.col_memory(); }, value: (r) => r.memoryMib, text: (r) => m.memory_gib({ value: (r.memoryMib / 1024).toFixed(0) }), width: 90, hidden: true },
  { id: 'chargeType', get label() { return m.col_billing(); }, value: (r) => r.chargeType, text: (r) => chargeTypeText(r.chargeType), width: 90, hidden: true },
  { id: 'created', get label() { return m.col_created(); }, value: (r) => r.creationTime, width: 170, hidden: true },
];

export const instanceFilters: FilterDef<InstanceRow>[] = [
  { id: 'status', get label() { return m.col_status(); }, value: (r) => r.status, text: statusText },
  { id: 'type', get label() { return m.col_instance_type(); }, value: (r) => r.instanceType },
];
