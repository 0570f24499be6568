/**
 * The command palette's resource entries, built from the loaded inventory rows (every
 * region in scope): EIPs, ENIs and instances with their IDs, IPs, names and descriptions, and
 * the tags of EIPs and ENIs (`key=value`; instance rows carry none).
 */
import { m } from '../i18n';
import { eniStatusText, statusText } from '../table';
import type { EipRow, EniRow, InstanceRow } from '../backend';
import type { Entry } from './rank';

export function resourceEntries(eips: readonly EipRow[], enis: readonly EniRow[], instances: readonly InstanceRow[]): Entry[] {
  const out: Entry[] = [];
  for (const r of eips)
    out.push({
      key: `eip:${r.allocationId}`,
      kind: 'eip',
      title: r.name ? `${r.ipAddress} · ${r.name}` : r.ipAddress,
      detail: m.entry_eip({ id: r.allocationId, status: statusText(r.status), region: r.regionId }),
      ids: [r.allocationId, r.ipAddress],
      words: [r.name, r.regionId, r.description, ...r.tags],
    });
  for (const r of enis)
    out.push({
      key: `eni:${r.networkInterfaceId}`,
      kind: 'eni',
      title: r.name ? `${r.name} · ${r.networkInterfaceId}` : r.networkInterfaceId,
      detail: m.entry_eni({ ip: r.privateIpAddress, status: eniStatusText(r.status), region: r.regionId }),
      ids: [r.networkInterfaceId, r.privateIpAddress, ...r.secondaryPrivateIps],
      words: [r.name, r.regionId, r.description, ...r.tags],
    });
  for (const r of instances)
    out.push({
      key: `instance:${r.instanceId}`,
      kind: 'instance',
      title: r.name ? `${r.name} · ${r.instanceId}` : r.instanceId,
      detail: m.entry_instance({ ip: r.privateIpAddress, status: statusText(r.status), region: r.regionId }),
      ids: [r.instanceId, r.privateIpAddress],
      words: [r.name, r.regionId],
    });
  return out;
}
