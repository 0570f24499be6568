import { describe, expect, it } from 'vitest';
import type { EipRow } from '../backend';
import { resourceEntries } from './entries';
import { rank } from './rank';

const eip = (id: string, ip: string, tags: string[]): EipRow => ({
  allocationId: id,
  ipAddress: ip,
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
  tags,
});

describe('palette resource entries', () => {
  it('find EIPs by their tags', () => {
    const entries = resourceEntries([eip('eip-1', '47.98.0.1', ['team=edge']), eip('eip-2', '47.98.0.2', ['team=core'])], [], []);
    expect(rank(entries, 'team=edge', {}, Date.UTC(2026, 11, 7)).map((e) => e.key)).toEqual(['eip:eip-1']);
  });
});
