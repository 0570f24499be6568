import { describe, expect, it } from 'vitest';
import type { JobKind, RunSummary, StepEffect, StepTitle, WaitText } from '../backend';
import { jobTitle, runSummary, stepEffect, stepTitle, waitText } from './step_text';

const EIP = 'eip-bp1free0000000001';
const ENI = 'eni-bp1sec00000000001';
const I = 'i-bp1web000000000001';
const IP = '47.98.159.168';

// One sample of every key the core sends (the Record types make each list complete or not compile).
const TITLES: Record<StepTitle['key'], StepTitle> = {
  detachEni: { key: 'detachEni', eni: ENI, instance: I },
  attachEni: { key: 'attachEni', eni: ENI, instance: I },
  bind: { key: 'bind', eip: EIP, target: ENI, mode: 'BINDED' },
  unbind: { key: 'unbind', eip: EIP, target: ENI },
  switchMode: { key: 'switchMode', eip: EIP, mode: 'NAT' },
  verify: { key: 'verify' },
  allowRule: { key: 'allowRule', protocol: 'TCP', ports: '22/22', cidr: '203.0.113.0/24', group: 'sg-bp1web01' },
  allowPing: { key: 'allowPing', cidr: '203.0.113.0/24', group: 'sg-bp1web01' },
  removeRule: { key: 'removeRule', protocol: 'TCP', ports: '22/22', cidr: '203.0.113.0/24', group: 'sg-bp1web01' },
  removePing: { key: 'removePing', cidr: '203.0.113.0/24', group: 'sg-bp1web01' },
  guestConfigure: { key: 'guestConfigure', mac: '00:16:3e:00:00:01', instance: I },
  guestVerify: { key: 'guestVerify', ip: IP, mac: '00:16:3e:00:00:01', instance: I },
  guestRevert: { key: 'guestRevert', mac: '00:16:3e:00:00:01', instance: I },
  allocateEip: { key: 'allocateEip', billing: 'payByTraffic', bandwidth: 5 },
  releaseEip: { key: 'releaseEip', eip: EIP },
  setBandwidth: { key: 'setBandwidth', eip: EIP, bandwidth: 20 },
  renameEip: { key: 'renameEip', eip: EIP },
  createEni: { key: 'createEni', vswitch: 'vsw-bp1a000000000001' },
  deleteEni: { key: 'deleteEni', eni: ENI },
  renameEni: { key: 'renameEni', eni: ENI },
  tagOne: { key: 'tagOne', id: EIP, tags: 'env=prod' },
  tagMany: { key: 'tagMany', first: EIP, more: 2, tags: 'env=prod' },
  untagOne: { key: 'untagOne', id: EIP, keys: 'env' },
  untagMany: { key: 'untagMany', first: EIP, more: 2, keys: 'env' },
};

const WAITS: Record<WaitText['key'], WaitText> = {
  eniAttached: { key: 'eniAttached', eni: ENI, instance: I },
  eniAvailable: { key: 'eniAvailable', eni: ENI },
  eipBound: { key: 'eipBound', eip: EIP, mode: 'BINDED' },
  eipAvailable: { key: 'eipAvailable', eip: EIP },
  eipReleased: { key: 'eipReleased', eip: EIP },
  eniDeleted: { key: 'eniDeleted', eni: ENI },
  newAttributes: { key: 'newAttributes', id: EIP },
  taggedOne: { key: 'taggedOne', id: EIP, tags: 'env=prod' },
  taggedMany: { key: 'taggedMany', first: EIP, more: 3, tags: 'env=prod' },
  untaggedOne: { key: 'untaggedOne', id: EIP, keys: 'env' },
  untaggedMany: { key: 'untaggedMany', first: EIP, more: 3, keys: 'env' },
  script: { key: 'script', invokeId: 't-hz0abc', instance: I },
};

const EFFECTS: Record<StepEffect['key'], StepEffect> = {
  detachEni: { key: 'detachEni', instance: I },
  attachEni: { key: 'attachEni', instance: I },
  bindCutThrough: { key: 'bindCutThrough' },
  bindCutThroughIp: { key: 'bindCutThroughIp', ip: '10.0.0.20' },
  bindNat: { key: 'bindNat' },
  unbindCutThrough: { key: 'unbindCutThrough' },
  unbindNat: { key: 'unbindNat' },
  switchMode: { key: 'switchMode', mode: 'BINDED', apiMode: 'BINDED' },
  verify: { key: 'verify', checks: [WAITS.eniAttached, WAITS.eipBound] },
  allowRule: { key: 'allowRule', group: 'sg-bp1web01', cidr: '203.0.113.0/24', protocol: 'TCP', ports: '22/22' },
  allowPing: { key: 'allowPing', group: 'sg-bp1web01', cidr: '203.0.113.0/24' },
  removeRule: { key: 'removeRule' },
  guestConfigure: { key: 'guestConfigure', os: 'Ubuntu' },
  guestConfigureMetric: { key: 'guestConfigureMetric', os: 'Ubuntu', metric: 50 },
  guestVerify: { key: 'guestVerify', ip: IP },
  guestRevert: { key: 'guestRevert' },
  allocateEip: { key: 'allocateEip', billing: 'payByBandwidth' },
  allocateEipSubscription: { key: 'allocateEipSubscription' },
  releaseEip: { key: 'releaseEip' },
  modifyEip: { key: 'modifyEip' },
  createEni: { key: 'createEni', vswitch: 'vsw-bp1a000000000001' },
  createEniIp: { key: 'createEniIp', vswitch: 'vsw-bp1a000000000001', ip: '10.0.0.9' },
  deleteEni: { key: 'deleteEni' },
  modifyEni: { key: 'modifyEni' },
  tag: { key: 'tag' },
  untag: { key: 'untag' },
};

const SUMMARIES: Record<RunSummary['key'], RunSummary> = {
  eip: { key: 'eip', eip: EIP, ip: IP },
  bind: { key: 'bind', eip: EIP, ip: IP, target: ENI, mode: 'BINDED' },
  bindOn: { key: 'bindOn', eip: EIP, ip: IP, target: ENI, mode: 'BINDED', instance: I },
  unbind: { key: 'unbind', eip: EIP, ip: IP, target: ENI, mode: 'NAT' },
  unbindOn: { key: 'unbindOn', eip: EIP, ip: IP, target: ENI, mode: 'BINDED', instance: I },
  switch: { key: 'switch', eip: EIP, ip: IP, eni: ENI, mode: 'BINDED' },
  switchOn: { key: 'switchOn', eip: EIP, ip: IP, eni: ENI, mode: 'NAT', instance: I },
  allocateEip: { key: 'allocateEip', billing: 'subscription', bandwidth: 5 },
  releaseOne: { key: 'releaseOne', id: EIP },
  releaseMany: { key: 'releaseMany', count: 3 },
  renameOne: { key: 'renameOne', id: EIP },
  renameMany: { key: 'renameMany', count: 3 },
  setBandwidth: { key: 'setBandwidth', eip: EIP, bandwidth: 20 },
  createEni: { key: 'createEni', vswitch: 'vsw-bp1a000000000001' },
  deleteOne: { key: 'deleteOne', id: ENI },
  deleteMany: { key: 'deleteMany', count: 2 },
  attach: { key: 'attach', eni: ENI, instance: I },
  detach: { key: 'detach', eni: ENI, instance: I },
  tagOne: { key: 'tagOne', id: EIP },
  tagMany: { key: 'tagMany', count: 4 },
  untagOne: { key: 'untagOne', id: EIP },
  untagMany: { key: 'untagMany', count: 4 },
  createAndBind: { key: 'createAndBind', eip: 'eip-createdbystep0', eni: ENI, instance: I },
};

const JOBS: JobKind[] = [
  'cutThroughBind', 'cutThroughUnbind', 'natBind', 'natUnbind', 'switchMode', 'allocateEip', 'releaseEip', 'renameEip', 'setEipBandwidth',
  'createEni', 'deleteEni', 'attachEni', 'detachEni', 'renameEni', 'addTags', 'removeTags', 'createAndBind',
];

/** Inputs worded by name (modes, billing, placeholders) or nested; the rest must appear verbatim. */
const WORDED = new Set(['key', 'mode', 'apiMode', 'billing', 'checks']);
const CJK = /[\u4e00-\u9fff]/;
/** English words a Chinese sentence may keep: protocol and product names, units. */
const LATIN_KEPT = new Set(['ICMP', 'ping', 'TCP', 'MAC', 'DHCP', 'IP', 'Mbit', 'Ubuntu']);

function renderers(): [string, Record<string, { key: string }>, (t: never, locale?: 'en' | 'zh-CN') => string][] {
  return [
    ['stepTitle', TITLES, stepTitle as never],
    ['waits', WAITS, waitText as never],
    ['stepEffect', EFFECTS, stepEffect as never],
    ['runSummary', SUMMARIES, runSummary as never],
  ];
}

describe('step and run text', () => {
  it.each(['en', 'zh-CN'] as const)('every key of every family renders in %s with its inputs filled in', (locale) => {
    for (const [family, samples, render] of renderers()) {
      for (const t of Object.values(samples)) {
        const text = render(t as never, locale);
        const what = `${family}_${t.key}`;
        expect(text.length, what).toBeGreaterThan(1);
        expect(text, what).not.toMatch(/[{}]/);
        for (const [name, v] of Object.entries(t)) {
          if (!WORDED.has(name) && !String(v).startsWith('eip-createdbystep')) expect(text, what).toContain(String(v));
        }
      }
    }
    for (const job of JOBS) expect(jobTitle(job, locale).length, job).toBeGreaterThan(1);
  });

  it('words every sentence in Chinese, leaving only IDs, values and kept names in Latin script', () => {
    for (const [family, samples, render] of renderers()) {
      for (const t of Object.values(samples)) {
        const text = render(t as never, 'zh-CN');
        const what = `${family}_${t.key}`;
        const inputs = [JSON.stringify(t)];
        const latin = text
          .split(/[^A-Za-z]+/)
          .filter((w) => w.length > 2 && !LATIN_KEPT.has(w) && !inputs.some((i) => i.includes(w)));
        expect(latin, what).toEqual([]);
        if (family !== 'runSummary' || !['eip', 'setBandwidth', 'attach'].includes(t.key)) expect(text, what).toMatch(CJK);
      }
    }
    for (const job of JOBS) expect(jobTitle(job, 'zh-CN'), job).toMatch(CJK);
  });

  it('matches the English the core writes for the journal and the CLI script', () => {
    expect(stepTitle(TITLES.bind, 'en')).toBe(`Bind ${EIP} to ${ENI} in cut-through mode`);
    expect(stepTitle(TITLES.allocateEip, 'en')).toBe('Allocate a new EIP (pay-as-you-go by traffic, 5 Mbit/s)');
    expect(stepTitle(TITLES.tagMany, 'en')).toBe(`Tag ${EIP} and 2 more with env=prod`);
    expect(waitText(WAITS.eipBound, 'en')).toBe(`${EIP} InUse in cut-through mode`);
    expect(stepEffect(EFFECTS.verify, 'en')).toBe(`Reads the real state and checks: ${ENI} InUse on ${I}; ${EIP} InUse in cut-through mode.`);
    expect(runSummary(SUMMARIES.bindOn, 'en')).toBe(`${EIP} ${IP} → ${ENI} (cut-through), on ${I}`);
    expect(jobTitle('cutThroughBind', 'en')).toBe('Bind in cut-through mode');
  });

  it('words modes, billing and what the run creates in the chosen language', () => {
    expect(stepTitle(TITLES.bind, 'zh-CN')).toBe(`以直通模式将 ${EIP} 绑定到 ${ENI}`);
    expect(stepTitle({ key: 'attachEni', eni: 'eni-createdbystep1', instance: I }, 'en')).toBe(`Attach the new ENI to ${I}`);
    expect(stepTitle({ key: 'attachEni', eni: 'eni-createdbystep1', instance: I }, 'zh-CN')).toBe(`将 新的弹性网卡 挂载到 ${I}`);
    expect(runSummary(SUMMARIES.createAndBind, 'zh-CN')).toBe(`新的弹性公网IP + ${ENI} → ${I}（直通模式）`);
    expect(stepTitle(TITLES.allocateEip, 'zh-CN')).toBe('申请新的弹性公网IP（按使用流量计费，5 Mbit/s）');
    expect(stepEffect(EFFECTS.verify, 'zh-CN')).toBe(`读取实际状态并检查：${ENI} 已绑定到 ${I}；${EIP} 已分配（直通模式）。`);
  });
});
