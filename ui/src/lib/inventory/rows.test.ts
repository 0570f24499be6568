import { describe, expect, it } from 'vitest';
import type { EipRow, EniRow, InstanceRow, InventoryPatch, RegionRows } from '../backend';
import { applyPatch, boundToText, eipsText, eligibilityText, eniCapacityText, flatten, instanceEips, targetLabel, verdictLabel, type RegionMap } from './rows';

function eip(id: string, over: Partial<EipRow> = {}): EipRow {
  return {
    allocationId: id,
    ipAddress: '47.98.0.1',
    status: 'Available',
    regionId: 'cn-hangzhou',
    name: '',
    description: '',
    chargeType: 'PostPaid',
    internetChargeType: 'PayByTraffic',
    bandwidth: '5',
    isp: 'BGP',
    allocationTime: '',
    instanceId: null,
    instanceType: null,
    mode: null,
    privateIpAddress: null,
    binding: null,
    lockReasons: [],
    tags: [],
    ...over,
  };
}

function eni(id: string, over: Partial<EniRow> = {}): EniRow {
  return {
    networkInterfaceId: id,
    name: '',
    description: '',
    status: 'Available',
    eniType: 'Secondary',
    regionId: 'cn-hangzhou',
    zoneId: 'cn-hangzhou-h',
    vpcId: 'vpc-1',
    vpcName: null,
    vswitchId: 'vsw-1',
    vswitchName: null,
    privateIpAddress: '172.16.0.5',
    secondaryPrivateIps: [],
    macAddress: '',
    securityGroupIds: [],
    tags: [],
    creationTime: '',
    instanceId: null,
    instanceName: null,
    eips: [],
    cutThrough: { verdict: 'eligible', reasons: [] },
    ...over,
  };
}

function region(id: string, rows: Partial<RegionRows>): RegionMap[string] {
  return { id, status: 'loaded', error: null, loadedAt: 't', warnings: [], rows: { regionId: id, eips: [], enis: [], instances: [], ...rows } };
}

describe('flatten', () => {
  it('concatenates regions in ID order and skips regions without rows', () => {
    const map: RegionMap = {
      'cn-shanghai': region('cn-shanghai', { eips: [eip('eip-s')] }),
      'cn-beijing': region('cn-beijing', { eips: [eip('eip-b1'), eip('eip-b2')] }),
      'cn-hangzhou': { id: 'cn-hangzhou', status: 'failed', error: null, loadedAt: null, warnings: [], rows: null },
    };
    expect(flatten(map, 'eips').map((e) => e.allocationId)).toEqual(['eip-b1', 'eip-b2', 'eip-s']);
    expect(flatten(map, 'enis')).toEqual([]);
  });
});

describe('applyPatch', () => {
  const map: RegionMap = { 'cn-hangzhou': region('cn-hangzhou', { eips: [eip('eip-a'), eip('eip-b')], enis: [eni('eni-1')] }) };
  const patch: InventoryPatch = {
    regionId: 'cn-hangzhou',
    eips: [eip('eip-a', { status: 'InUse' }), eip('eip-new')],
    enis: [],
    instances: [],
    removed: [{ kind: 'eip', id: 'eip-b', regionId: 'cn-hangzhou' }],
    refreshedAt: '2026-01-01T00:00:00Z',
  };
  it('replaces changed rows in place, removes gone ones, appends new ones', () => {
    const next = applyPatch(map, patch);
    const eips = next['cn-hangzhou']!.rows!.eips;
    expect(eips.map((e) => [e.allocationId, e.status])).toEqual([
      ['eip-a', 'InUse'],
      ['eip-new', 'Available'],
    ]);
    expect(next['cn-hangzhou']!.rows!.enis.map((e) => e.networkInterfaceId)).toEqual(['eni-1']);
    expect(next['cn-hangzhou']!.loadedAt).toBe('2026-01-01T00:00:00Z');
    // The input is not mutated.
    expect(map['cn-hangzhou']!.rows!.eips.map((e) => e.status)).toEqual(['Available', 'Available']);
  });
  it('adds a region it did not have', () => {
    const next = applyPatch({}, { ...patch, regionId: 'cn-beijing', removed: [] });
    expect(next['cn-beijing']!.rows!.eips.length).toBe(2);
    expect(next['cn-beijing']!.status).toBe('loaded');
  });
});

describe('display texts', () => {
  it('say what an EIP is bound to, target ID first', () => {
    const viaEni = eip('eip-1', {
      binding: { target: 'eni', targetType: 'NetworkInterface', targetId: 'eni-9', mode: 'BINDED', eniId: 'eni-9', eniName: 'ct', instanceId: 'i-1', instanceName: 'web-02', targetListed: true },
    });
    expect(boundToText(viaEni)).toBe('eni-9 ct → web-02');
    expect(targetLabel(viaEni)).toBe('ENI');
    const detached = eip('eip-2', { binding: { ...viaEni.binding!, eniName: null, instanceId: null, instanceName: null } });
    expect(boundToText(detached)).toBe('eni-9 (not attached)');
    const ecs = eip('eip-3', { binding: { ...viaEni.binding!, target: 'instance', targetId: 'i-1', eniId: null, eniName: null, mode: 'NAT' } });
    expect(boundToText(ecs)).toBe('i-1 web-02');
    const slb = eip('eip-4', { binding: { ...viaEni.binding!, target: 'other', targetType: 'SlbInstance', targetId: 'lb-1' } });
    expect(boundToText(slb)).toBe('lb-1 (SlbInstance)');
    expect(targetLabel(slb)).toBe('SlbInstance');
    expect(boundToText(eip('eip-5'))).toBe('');
  });

  it('describe ENI eligibility and EIPs', () => {
    expect(verdictLabel(eni('e'))).toBe('Eligible');
    expect(eligibilityText(eni('e'))).toBe('Eligible');
    const blocked = eni('e', {
      cutThrough: {
        verdict: 'ineligible',
        reasons: [
          { code: 'attached', message: 'It is attached to i-1…', text: { key: 'attached', instance: 'i-1' }, blocking: false },
          { code: 'primaryEni', message: 'Primary ENI.', text: { key: 'primaryEni' }, blocking: true },
        ],
      },
    });
    expect(eligibilityText(blocked)).toBe("Not eligible: This is an instance's primary ENI; only secondary ENIs support cut-through mode.");
    expect(eipsText([{ allocationId: 'eip-1', ipAddress: '1.2.3.4', mode: 'BINDED', status: 'InUse' }])).toBe('1.2.3.4 (Cut-through)');
  });

  it('show instance ENI capacity and every EIP', () => {
    const inst = {
      enis: [
        { networkInterfaceId: 'eni-p', eniType: 'Primary', privateIpAddress: '', status: 'InUse', eips: [] },
        { networkInterfaceId: 'eni-s', eniType: 'Secondary', privateIpAddress: '', status: 'InUse', eips: [{ allocationId: 'eip-2', ipAddress: '2.2.2.2', mode: 'BINDED', status: 'InUse' }] },
      ],
      eniQuota: 3,
      eip: { allocationId: 'eip-1', ipAddress: '1.1.1.1', mode: 'NAT', status: 'InUse' },
    } as unknown as InstanceRow;
    expect(eniCapacityText(inst)).toBe('2 / 3');
    expect(eniCapacityText({ ...inst, eniQuota: null })).toBe('2');
    expect(instanceEips(inst).map((e) => e.allocationId)).toEqual(['eip-1', 'eip-2']);
  });
});
