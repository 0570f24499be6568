/**
 * Columns and quick filters of the three resource tables. The first columns of the EIP
 * table keep the order IP, Allocation ID, Status, Bound to, Mode (end-to-end specs read
 * cells by position). The first column is pinned; `priority` says which columns stay when
 * the window is narrow (status, bound-to / cut-through and the identity always do); IDs sort
 * character by character, as the console does.
 */
import type { EipRow, EniRow, InstanceRow } from '../backend';
import { modeLabel, statusTone, type ColumnDef, type Tone } from '../table';
import type { FilterDef } from '../components/table/model';
import { boundToText, eipsText, eligibilityText, eniCapacityText, instanceEips, targetLabel, verdictLabel } from './rows';

const status = <T extends { status: string }>(): ColumnDef<T> => ({
  id: 'status',
  label: 'Status',
  value: (r) => r.status,
  badge: (r) => statusTone(r.status),
  width: 110,
  priority: 1,
});

const region = <T extends { regionId: string }>(): ColumnDef<T> => ({ id: 'region', label: 'Region', value: (r) => r.regionId, width: 130, priority: 2 });

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
  { id: 'ip', label: 'IP address', value: (r) => r.ipAddress, mono: true, copy: true, width: 150, priority: 1 },
  { id: 'allocationId', label: 'Allocation ID', value: (r) => r.allocationId, mono: true, copy: true, width: 230, lexical: true, priority: 2 },
  status(),
  {
    id: 'boundTo',
    label: 'Bound to',
    value: boundToText,
    mono: true,
    width: 340,
    priority: 1,
    link: (r) => (r.binding?.target === 'eni' && r.binding.targetListed ? { kind: 'eni', id: r.binding.targetId } : r.binding?.target === 'instance' && r.binding.targetListed ? { kind: 'instance', id: r.binding.targetId } : null),
  },
  { id: 'mode', label: 'Mode', value: (r) => modeLabel(r.mode), width: 100, placeholder: '', priority: 1 },
  region(),
  { id: 'name', label: 'Name', value: (r) => r.name, width: 150, priority: 2 },
  { id: 'targetType', label: 'Target', value: targetLabel, width: 80 },
  { id: 'privateIp', label: 'Private IP', value: (r) => r.privateIpAddress, mono: true, width: 130 },
  { id: 'bandwidth', label: 'Bandwidth', value: (r) => Number(r.bandwidth) || null, text: (r) => (r.bandwidth ? `${r.bandwidth} Mbps` : ''), width: 100 },
  { id: 'chargeType', label: 'Billing', value: (r) => r.chargeType, width: 90 },
  { id: 'metering', label: 'Metering', value: (r) => r.internetChargeType, width: 130, hidden: true },
  { id: 'isp', label: 'Line', value: (r) => r.isp, width: 80, hidden: true },
  { id: 'allocated', label: 'Allocated', value: (r) => r.allocationTime, width: 170, hidden: true },
  { id: 'locks', label: 'Locks', value: (r) => r.lockReasons.join(', '), width: 110, hidden: true },
  { id: 'tags', label: 'Tags', value: (r) => r.tags.join(', '), width: 160, hidden: true },
  { id: 'description', label: 'Description', value: (r) => r.description, width: 200, hidden: true },
];

export const eipFilters: FilterDef<EipRow>[] = [
  { id: 'status', label: 'Status', value: (r) => r.status },
  { id: 'mode', label: 'Mode', value: (r) => modeLabel(r.mode) || 'Unbound' },
  { id: 'type', label: 'Target', value: (r) => targetLabel(r) || 'Unbound' },
  { id: 'tags', label: 'Tags', value: (r) => r.tags.join(', ') || 'No tags' },
];

export const eniColumns: ColumnDef<EniRow>[] = [
  { id: 'id', label: 'ENI ID', value: (r) => r.networkInterfaceId, mono: true, copy: true, width: 230, lexical: true, priority: 1 },
  { id: 'name', label: 'Name', value: (r) => r.name, width: 140, priority: 2 },
  status(),
  { id: 'type', label: 'Type', value: (r) => r.eniType, width: 95 },
  { id: 'privateIp', label: 'Private IP', value: (r) => r.privateIpAddress, mono: true, copy: true, width: 140, priority: 2 },
  {
    id: 'instance',
    label: 'Instance',
    value: (r) => (r.instanceId ? `${r.instanceId}${r.instanceName ? ` ${r.instanceName}` : ''}` : ''),
    mono: true,
    width: 260,
    priority: 2,
    link: (r) => (r.instanceId ? { kind: 'instance', id: r.instanceId } : null),
  },
  {
    id: 'eip',
    label: 'EIP',
    value: (r) => eipsText(r.eips),
    mono: true,
    width: 210,
    priority: 2,
    link: (r) => (r.eips[0] ? { kind: 'eip', id: r.eips[0].allocationId } : null),
  },
  { id: 'cutThrough', label: 'Cut-through', value: eligibilityText, text: verdictLabel, badge: verdictTone, width: 130, priority: 1 },
  region(),
  { id: 'zone', label: 'Zone', value: (r) => r.zoneId, width: 130 },
  { id: 'vpc', label: 'VPC', value: (r) => r.vpcName ?? r.vpcId, width: 150 },
  { id: 'vswitch', label: 'vSwitch', value: (r) => r.vswitchName ?? r.vswitchId, width: 150, hidden: true },
  { id: 'secondaryIps', label: 'Secondary IPs', value: (r) => r.secondaryPrivateIps.join(', '), mono: true, width: 160, hidden: true },
  { id: 'mac', label: 'MAC', value: (r) => r.macAddress, mono: true, width: 150, hidden: true },
  { id: 'securityGroups', label: 'Security groups', value: (r) => r.securityGroupIds.join(', '), mono: true, width: 200, hidden: true },
  { id: 'tags', label: 'Tags', value: (r) => r.tags.join(', '), width: 160, hidden: true },
  { id: 'created', label: 'Created', value: (r) => r.creationTime, width: 170, hidden: true },
];

export const eniFilters: FilterDef<EniRow>[] = [
  { id: 'status', label: 'Status', value: (r) => r.status },
  { id: 'type', label: 'Type', value: (r) => r.eniType },
  { id: 'cutThrough', label: 'Cut-through', value: verdictLabel },
  { id: 'tags', label: 'Tags', value: (r) => r.tags.join(', ') || 'No tags' },
];

export const instanceColumns: ColumnDef<InstanceRow>[] = [
  { id: 'id', label: 'Instance ID', value: (r) => r.instanceId, mono: true, copy: true, width: 220, lexical: true, priority: 1 },
  { id: 'name', label: 'Name', value: (r) => r.name, width: 150, priority: 2 },
  status(),
  { id: 'type', label: 'Type', value: (r) => r.instanceType, width: 150 },
  { id: 'privateIp', label: 'Private IP', value: (r) => r.privateIpAddress, mono: true, copy: true, width: 130, priority: 2 },
  {
    id: 'eips',
    label: 'EIPs',
    value: (r) => eipsText(instanceEips(r)),
    mono: true,
    width: 230,
    priority: 1,
    link: (r) => {
      const first = instanceEips(r)[0];
      return first ? { kind: 'eip', id: first.allocationId } : null;
    },
  },
  { id: 'enis', label: 'ENIs', value: (r) => r.enis.length, text: eniCapacityText, width: 80, priority: 2 },
  { id: 'eniFree', label: 'ENI slots left', value: (r) => r.eniRemaining, width: 110, priority: 2 },
  region(),
  { id: 'zone', label: 'Zone', value: (r) => r.zoneId, width: 130 },
  { id: 'vpc', label: 'VPC', value: (r) => r.vpcName ?? r.vpcId, width: 150 },
  { id: 'vswitch', label: 'vSwitch', value: (r) => r.vswitchName ?? r.vswitchId, width: 150, hidden: true },
  { id: 'os', label: 'OS', value: (r) => r.osName, width: 200, hidden: true },
  { id: 'cpu', label: 'vCPU', value: (r) => r.cpu, width: 70, hidden: true },
  { id: 'memory', label: 'Memory', value: (r) => r.memoryMib, text: (r) => `${(r.memoryMib / 1024).toFixed(0)} GiB`, width: 90, hidden: true },
  { id: 'chargeType', label: 'Billing', value: (r) => r.chargeType, width: 90, hidden: true },
  { id: 'created', label: 'Created', value: (r) => r.creationTime, width: 170, hidden: true },
];

export const instanceFilters: FilterDef<InstanceRow>[] = [
  { id: 'status', label: 'Status', value: (r) => r.status },
  { id: 'type', label: 'Type', value: (r) => r.instanceType },
];
