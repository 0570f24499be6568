import { describe, expect, it, onTestFinished } from 'vitest';
import type { Blocker, ChoiceDetail, ImpactItem, ImpactText, LifecycleBlocker, PlanNote, WarningText, WarningView, WhyText } from '../backend';
import { language } from '../i18n';
import { choiceDetail, impactText, namePlaceholders, noteText, reasonText, warningText } from './plan_text';

/** One sample of every key the core sends (the types make each list complete or not compile). */
const BLOCKERS: Record<Blocker['key'], Blocker> = {
  eipNotFound: { key: 'eipNotFound', eip: 'eip-bp1vdcgzm41znfkjyd2x' },
  eniNotFound: { key: 'eniNotFound', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  instanceNotFound: { key: 'instanceNotFound', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  regionNotCutThrough: { key: 'regionNotCutThrough', region: 'eu-west-1' },
  eipNotAvailable: { key: 'eipNotAvailable', eip: 'eip-bp1vdcgzm41znfkjyd2x', status: 'Associating' },
  eipAlreadyBound: { key: 'eipAlreadyBound', eip: 'eip-bp1vdcgzm41znfkjyd2x', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  eipNotBound: { key: 'eipNotBound', eip: 'eip-bp1vdcgzm41znfkjyd2x' },
  eipBusy: { key: 'eipBusy', eip: 'eip-bp1vdcgzm41znfkjyd2x', status: 'Unassociating' },
  eipNotCutThrough: { key: 'eipNotCutThrough', eip: 'eip-bp1vdcgzm41znfkjyd2x', mode: 'NAT' },
  eipIsCutThrough: { key: 'eipIsCutThrough', eip: 'eip-bp1vdcgzm41znfkjyd2x' },
  eipNotOnEni: { key: 'eipNotOnEni', eip: 'eip-bp1vdcgzm41znfkjyd2x', instanceType: 'EcsInstance' },
  eipAlreadyInMode: { key: 'eipAlreadyInMode', eip: 'eip-bp1vdcgzm41znfkjyd2x', mode: 'BINDED' },
  eniNotSecondary: { key: 'eniNotSecondary', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  eniNotPlainSecondary: { key: 'eniNotPlainSecondary', eni: 'eni-bp1lofjktg4dbzdlyxgp', eniType: 'Trunk' },
  eniNotInVpc: { key: 'eniNotInVpc', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  eniRegionMismatch: { key: 'eniRegionMismatch', eni: 'eni-bp1lofjktg4dbzdlyxgp', eniRegion: 'cn-beijing', eipRegion: 'cn-hangzhou' },
  eniHasEip: { key: 'eniHasEip', eni: 'eni-bp1lofjktg4dbzdlyxgp', allocationId: 'eip-bp1vdcgzm41znfkjyd2x', ip: '47.98.159.168' },
  eniHasSecondaryIps: { key: 'eniHasSecondaryIps', eni: 'eni-bp1lofjktg4dbzdlyxgp', count: 2 },
  eniServiceManaged: { key: 'eniServiceManaged', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  eniBusy: { key: 'eniBusy', eni: 'eni-bp1lofjktg4dbzdlyxgp', status: 'Attaching' },
  instanceRegionMismatch: { key: 'instanceRegionMismatch', instance: 'i-bp1rqn8y8lb6iy5x5nne', instanceRegion: 'cn-beijing', eipRegion: 'cn-hangzhou' },
  instanceNotInVpc: { key: 'instanceNotInVpc', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  instanceVpcMismatch: { key: 'instanceVpcMismatch', instance: 'i-bp1rqn8y8lb6iy5x5nne', instanceVpc: 'vpc-bp1a', eniVpc: 'vpc-bp1b' },
  instanceZoneMismatch: { key: 'instanceZoneMismatch', instance: 'i-bp1rqn8y8lb6iy5x5nne', instanceZone: 'cn-hangzhou-h', eniZone: 'cn-hangzhou-i' },
  instanceNotReady: { key: 'instanceNotReady', instance: 'i-bp1rqn8y8lb6iy5x5nne', status: 'Starting' },
  instanceEniQuotaFull: { key: 'instanceEniQuotaFull', instance: 'i-bp1rqn8y8lb6iy5x5nne', instanceType: 'ecs.g7.large', attached: 3, quota: 3 },
  instanceHasEip: { key: 'instanceHasEip', instance: 'i-bp1rqn8y8lb6iy5x5nne', allocationId: 'eip-bp1vdcgzm41znfkjyd2x', ip: '47.98.159.168' },
};

const LIFECYCLE: Record<LifecycleBlocker['key'], LifecycleBlocker> = {
  notABindingJob: { key: 'notABindingJob' },
  nothingChosen: { key: 'nothingChosen' },
  tooManyResources: { key: 'tooManyResources', count: 60, max: 50 },
  eipNotFound: { key: 'eipNotFound', eip: 'eip-bp1vdcgzm41znfkjyd2x' },
  eniNotFound: { key: 'eniNotFound', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  instanceNotFound: { key: 'instanceNotFound', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  vSwitchNotFound: { key: 'vSwitchNotFound', vswitch: 'vsw-bp1x' },
  securityGroupNotFound: { key: 'securityGroupNotFound', group: 'sg-bp1x' },
  securityGroupOtherVpc: { key: 'securityGroupOtherVpc', group: 'sg-bp1x', groupVpc: 'vpc-bp1a', vpc: 'vpc-bp1b' },
  securityGroupCount: { key: 'securityGroupCount', vpc: 'vpc-bp1a' },
  eipBound: { key: 'eipBound', eip: 'eip-bp1vdcgzm41znfkjyd2x', target: 'i-bp1rqn8y8lb6iy5x5nne' },
  eipBoundCutThrough: { key: 'eipBoundCutThrough', eip: 'eip-bp1vdcgzm41znfkjyd2x', target: 'eni-bp1lofjktg4dbzdlyxgp' },
  subscriptionNotReleasable: { key: 'subscriptionNotReleasable', eip: 'eip-bp1vdcgzm41znfkjyd2x' },
  eipBusy: { key: 'eipBusy', eip: 'eip-bp1vdcgzm41znfkjyd2x', status: 'Associating' },
  bandwidthOutOfRange: { key: 'bandwidthOutOfRange', value: 500, min: 1, max: 200, billing: 'payByTraffic' },
  bandwidthUnchanged: { key: 'bandwidthUnchanged', eip: 'eip-bp1vdcgzm41znfkjyd2x', value: 5 },
  subscriptionPeriod: { key: 'subscriptionPeriod' },
  unknownIsp: { key: 'unknownIsp', isp: 'ChinaTelecomX' },
  textTooLong: { key: 'textTooLong', field: 'name', max: 128 },
  textLength: { key: 'textLength', field: 'description', min: 2, max: 256 },
  nothingToChange: { key: 'nothingToChange' },
  eniIsPrimaryDelete: { key: 'eniIsPrimaryDelete', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  eniIsPrimaryMove: { key: 'eniIsPrimaryMove', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  eniIsPrimaryDetach: { key: 'eniIsPrimaryDetach', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  eniAttached: { key: 'eniAttached', eni: 'eni-bp1lofjktg4dbzdlyxgp', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  eniHoldsEip: { key: 'eniHoldsEip', eni: 'eni-bp1lofjktg4dbzdlyxgp', eip: 'eip-bp1vdcgzm41znfkjyd2x', ip: '47.98.159.168' },
  eniBusy: { key: 'eniBusy', eni: 'eni-bp1lofjktg4dbzdlyxgp', status: 'Detaching' },
  eniAlreadyAttached: { key: 'eniAlreadyAttached', eni: 'eni-bp1lofjktg4dbzdlyxgp', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  eniNotOnInstance: { key: 'eniNotOnInstance', eni: 'eni-bp1lofjktg4dbzdlyxgp', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
  eniCapacityReached: { key: 'eniCapacityReached', instance: 'i-bp1rqn8y8lb6iy5x5nne', instanceType: 'ecs.g7.large', attached: 3, quota: 3 },
  ipMalformed: { key: 'ipMalformed', ip: '10.0.0.300' },
  ipOutsideVSwitch: { key: 'ipOutsideVSwitch', ip: '10.1.0.9', cidr: '10.0.0.0/24' },
  ipReserved: { key: 'ipReserved', ip: '10.0.0.255', cidr: '10.0.0.0/24' },
  ipTaken: { key: 'ipTaken', ip: '10.0.0.9', holder: 'eni-bp1other' },
  vSwitchFull: { key: 'vSwitchFull', vswitch: 'vsw-bp1x' },
  tagKeyInvalid: { key: 'tagKeyInvalid', tag: 'acs:team' },
  tagValueInvalid: { key: 'tagValueInvalid', value: 'https://x' },
  tagKeyDuplicated: { key: 'tagKeyDuplicated', tag: 'team' },
  tooManyTags: { key: 'tooManyTags', resource: 'eip-bp1vdcgzm41znfkjyd2x', count: 21 },
};

const IMPACT: Record<ImpactText['key'], ImpactText> = {
  nicDuringRun: { key: 'nicDuringRun', instance: 'i-bp1rqn8y8lb6iy5x5nne', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  nicMoves: { key: 'nicMoves', instance: 'i-bp1rqn8y8lb6iy5x5nne', eni: 'eni-bp1lofjktg4dbzdlyxgp', to: 'i-bp10buq1bbp3ujg1s9bu' },
  nicStaysDetached: { key: 'nicStaysDetached', instance: 'i-bp1rqn8y8lb6iy5x5nne', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  publicIpDuringRun: { key: 'publicIpDuringRun', target: 'i-bp1rqn8y8lb6iy5x5nne', address: '47.98.159.168' },
  publicIpAfterRun: { key: 'publicIpAfterRun', target: 'i-bp1rqn8y8lb6iy5x5nne', address: '47.98.159.168' },
  publicIpDuringRunUnnamed: { key: 'publicIpDuringRunUnnamed', target: 'i-bp1rqn8y8lb6iy5x5nne' },
  publicIpAfterRunUnnamed: { key: 'publicIpAfterRunUnnamed', target: 'i-bp1rqn8y8lb6iy5x5nne' },
  privateNetworking: { key: 'privateNetworking', target: 'eni-bp1lofjktg4dbzdlyxgp' },
};

const WARNINGS: Record<WarningText['key'], WarningText> = {
  losesPrivateNetworking: { key: 'losesPrivateNetworking', eni: 'eni-bp1lofjktg4dbzdlyxgp' },
  prePaidEip: { key: 'prePaidEip', eip: 'eip-bp1vdcgzm41znfkjyd2x' },
  disruptive: { key: 'disruptive' },
  productionProfile: { key: 'productionProfile', profile: 'prod-hz', confirmId: '47.98.159.168' },
  productionResource: { key: 'productionResource', profile: 'prod-hz', confirmId: 'eni-bp1lofjktg4dbzdlyxgp' },
};

const I = 'i-bp1rqn8y8lb6iy5x5nne';
const E = 'eni-bp1lofjktg4dbzdlyxgp';
const IP = '47.98.159.168';
const NOTES: Record<PlanNote['key'], PlanNote> = {
  reattachesSame: { key: 'reattachesSame', eni: E, instance: I },
  moves: { key: 'moves', eni: E, from: I, to: 'i-bp10buq1bbp3ujg1s9bu' },
  leavesDetached: { key: 'leavesDetached', eni: E, instance: I },
  attachesAtEnd: { key: 'attachesAtEnd', eni: E, instance: I },
  staysDetached: { key: 'staysDetached', eni: E },
  enableDhcp: { key: 'enableDhcp' },
  privateIpBack: { key: 'privateIpBack', eni: E, ip: '10.0.0.20' },
  prepaidUnbind: { key: 'prepaidUnbind', eip: 'eip-bp1vdcgzm41znfkjyd2x', eni: E },
  switchToCutThrough: { key: 'switchToCutThrough', instance: I, ip: IP, eni: E },
  switchToCutThroughUnattached: { key: 'switchToCutThroughUnattached', ip: IP, eni: E },
  switchedToCutThrough: { key: 'switchedToCutThrough', instance: I, ip: IP, eni: E },
  switchedToCutThroughUnattached: { key: 'switchedToCutThroughUnattached', ip: IP, eni: E },
  switchToNat: { key: 'switchToNat', instance: I, ip: IP, eni: E },
  switchToNatUnattached: { key: 'switchToNatUnattached', ip: IP, eni: E },
  switchedToNat: { key: 'switchedToNat', instance: I, ip: IP, eni: E },
  switchedToNatUnattached: { key: 'switchedToNatUnattached', ip: IP, eni: E },
  guestManualProduction: { key: 'guestManualProduction' },
  guestManualChosen: { key: 'guestManualChosen' },
  guestOsUnsupported: { key: 'guestOsUnsupported', instance: I, os: 'FreeBSD 14' },
  guestConfigured: { key: 'guestConfigured', mac: '00:16:3e:00:00:01', instance: I, ip: IP },
  guestRevert: { key: 'guestRevert', run: 'run-0001', mac: '00:16:3e:00:00:01', instance: I },
  guestRevertElsewhereLinux: { key: 'guestRevertElsewhereLinux', run: 'run-0001', mac: '00:16:3e:00:00:01', instance: I },
  guestRevertElsewhereWindows: { key: 'guestRevertElsewhereWindows', run: 'run-0001', mac: '00:16:3e:00:00:01', instance: I },
  accessAdded: { key: 'accessAdded', first: 'TCP 22/22', second: 'ICMP (ping)', cidr: '203.0.113.0/24', group: 'sg-bp1x', eni: E },
  accessAddedUnknownEni: { key: 'accessAddedUnknownEni', first: 'TCP 22/22', second: 'ICMP (ping)', cidr: '203.0.113.0/24', group: 'sg-bp1x' },
  accessRevoked: { key: 'accessRevoked', rules: 'TCP 22/22 203.0.113.0/24 → sg-bp1x' },
  noRemoteAccess: { key: 'noRemoteAccess', eni: E, groups: 'sg-bp1x', count: 1 },
  securityGroupsUnreadable: { key: 'securityGroupsUnreadable', eni: E, code: 'Throttling.User' },
  billingStarts: { key: 'billingStarts', billing: 'payByBandwidth' },
  subscriptionLocked: { key: 'subscriptionLocked' },
  bandwidthRange: { key: 'bandwidthRange', billing: 'payByTraffic', min: 1, max: 200, current: 5 },
  eniCapacity: { key: 'eniCapacity', instance: I, instanceType: 'ecs.g7.large', quota: 3, attached: 2 },
  eniCapacityUnknown: { key: 'eniCapacityUnknown', instance: I, instanceType: 'ecs.g7.large', attached: 2 },
  undoesOnFailure: { key: 'undoesOnFailure' },
  releasedInTurn: { key: 'releasedInTurn' },
  eniCreatedIn: { key: 'eniCreatedIn', vpc: 'vpc-bp1a', zone: 'cn-hangzhou-h' },
};

const WHY: Record<WhyText['key'], WhyText> = {
  busy: { key: 'busy', run: 'run-0001' },
  eipNotFree: { key: 'eipNotFree', status: 'Associating' },
  eipAlreadyBound: { key: 'eipAlreadyBound', status: 'InUse' },
  eipNotBound: { key: 'eipNotBound' },
  notOnEni: { key: 'notOnEni' },
  hasCutThroughEip: { key: 'hasCutThroughEip' },
  eniHasEip: { key: 'eniHasEip' },
  instanceHasEip: { key: 'instanceHasEip', ip: IP },
};

const DETAILS: Record<ChoiceDetail['key'], ChoiceDetail> = {
  eipBound: { key: 'eipBound', status: 'InUse', mode: 'BINDED', target: E, targetType: 'NetworkInterface' },
  eipFree: { key: 'eipFree', status: 'Available', chargeType: 'PostPaid' },
  eni: { key: 'eni', status: 'Available', eniType: 'Secondary', ip: '10.0.0.20', zone: 'cn-hangzhou-h' },
  eniAttached: { key: 'eniAttached', status: 'InUse', eniType: 'Secondary', ip: '10.0.0.20', instance: I, zone: 'cn-hangzhou-h' },
  instance: { key: 'instance', status: 'Running', used: 2, quota: 3, instanceType: 'ecs.g7.large', zone: 'cn-hangzhou-h' },
  instanceCapacityUnknown: { key: 'instanceCapacityUnknown', status: 'Running', used: 2, instanceType: 'ecs.g7.large', zone: 'cn-hangzhou-h' },
};

const warning = (text: WarningText): WarningView => ({ code: text.key, message: '', text, confirmText: null });
const item = (text: ImpactText): ImpactItem => ({ kind: 'nic', resource: 'i-bp1rqn8y8lb6iy5x5nne', lasts: 'duringRun', message: '', text });

/** The inputs that pass through verbatim (IDs, addresses, numbers), not the worded ones. */
function verbatim(t: Record<string, unknown>): string[] {
  return Object.entries(t)
    .filter(([k]) => !['key', 'mode', 'status', 'billing', 'field', 'targetType', 'chargeType', 'eniType'].includes(k))
    .map(([, v]) => String(v));
}

const HAN = /\p{Script=Han}/u;
const ENGLISH_WORD = /\b(?!EIP\b|ENI\b|IP\b|VPC\b|NAT\b|API\b|BGP\b|Mbit\b|PrePaid\b|DHCP\b|Desk\b|MAC\b|SSH\b|RDP\b|ICMP\b)[A-Za-z]{4,}\b/;

describe('plan texts', () => {
  const all = [
    ...Object.values(BLOCKERS).map((t) => [t, () => reasonText({ family: 'binding', text: t }, 'en'), () => reasonText({ family: 'binding', text: t }, 'zh-CN')] as const),
    ...Object.values(LIFECYCLE).map((t) => [t, () => reasonText({ family: 'lifecycle', text: t }, 'en'), () => reasonText({ family: 'lifecycle', text: t }, 'zh-CN')] as const),
    ...Object.values(IMPACT).map((t) => [t, () => impactText(t, 'en'), () => impactText(t, 'zh-CN')] as const),
    ...Object.values(WHY).map((t) => [t, () => reasonText({ family: 'why', text: t }, 'en'), () => reasonText({ family: 'why', text: t }, 'zh-CN')] as const),
    ...Object.values(DETAILS).map((t) => [t, () => choiceDetail(t, 'en'), () => choiceDetail(t, 'zh-CN')] as const),
    ...Object.values(NOTES).map((t) => [t, () => noteText(t, 'en'), () => noteText(t, 'zh-CN')] as const),
    ...Object.values(WARNINGS).map((t) => [t, () => warningText(warning(t), [], 'en'), () => warningText(warning(t), [], 'zh-CN')] as const),
  ];

  it('renders every key in both locales with its inputs filled in', () => {
    for (const [t, en, zh] of all) {
      for (const text of [en(), zh()]) {
        expect(text.length, t.key).toBeGreaterThan(5);
        expect(text, t.key).not.toMatch(/[{}]/);
        for (const v of verbatim(t)) expect(text, t.key).toContain(v);
      }
    }
  });

  it('says it in Chinese, with no English words left but IDs and product names', () => {
    // Statuses and modes are worded in the locale in effect, as in the app.
    language.set('zh-CN');
    onTestFinished(() => language.set('system'));
    for (const [t, , zh] of all) {
      const text = zh().replace(/\b[a-z]+[-.][\w.-]+\b/g, '');
      expect(text, t.key).toMatch(HAN);
      if (!['subscriptionNotReleasable', 'unknownIsp', 'eipNotOnEni', 'eniNotPlainSecondary', 'instanceEniQuotaFull', 'eniCapacityReached', 'productionProfile', 'productionResource', 'textTooLong', 'textLength', 'tagKeyInvalid', 'tagValueInvalid', 'tagKeyDuplicated', 'ipMalformed', 'guestOsUnsupported', 'accessAdded', 'accessAddedUnknownEni', 'noRemoteAccess', 'securityGroupsUnreadable', 'accessRevoked'].includes(t.key)) {
        expect(text, t.key).not.toMatch(ENGLISH_WORD);
      }
    }
  });

  it('matches the English the core writes for the CLI', () => {
    expect(reasonText({ family: 'binding', text: BLOCKERS.eniHasSecondaryIps }, 'en')).toBe(
      'eni-bp1lofjktg4dbzdlyxgp has 2 secondary private IP(s); remove them before binding in cut-through mode',
    );
    expect(impactText(IMPACT.nicDuringRun, 'en')).toBe('i-bp1rqn8y8lb6iy5x5nne loses its NIC eni-bp1lofjktg4dbzdlyxgp while the job runs; it is attached again before the end.');
    expect(warningText(warning(WARNINGS.losesPrivateNetworking), [], 'zh-CN')).toBe(
      'eni-bp1lofjktg4dbzdlyxgp 将失去私网连通性：弹性公网IP取代它的私网 IP，因此无法再通过该地址访问专有网络。',
    );
  });

  it('lists what a disruptive plan breaks after the acknowledgement', () => {
    const text = warningText(warning(WARNINGS.disruptive), [item(IMPACT.nicDuringRun)], 'zh-CN');
    expect(text).toBe('我了解此操作的影响： 执行期间 i-bp1rqn8y8lb6iy5x5nne 失去网卡 eni-bp1lofjktg4dbzdlyxgp；结束前会重新挂载。');
  });

  it('words the plural and the billing method of notes', () => {
    expect(noteText({ ...NOTES.noRemoteAccess, key: 'noRemoteAccess', count: 2, groups: 'sg-1, sg-2' } as PlanNote, 'en')).toContain('security groups of');
    expect(noteText(NOTES.noRemoteAccess, 'en')).toContain('security group of');
    expect(noteText(NOTES.billingStarts, 'en')).toBe('Billing (pay-as-you-go by bandwidth) starts when the EIP is allocated.');
  });

  it('words the API values of a choice and the reasons of a row action', () => {
    language.set('zh-CN');
    onTestFinished(() => language.set('system'));
    expect(choiceDetail(DETAILS.eipBound)).toBe(`已分配 · 以直通模式绑定到 ${E}（弹性网卡）`);
    expect(choiceDetail(DETAILS.eipFree)).toBe('可用 · 按量付费');
    expect(choiceDetail(DETAILS.eniAttached)).toBe(`已绑定 · 辅助弹性网卡 · 10.0.0.20，挂载于 ${I} · cn-hangzhou-h`);
    expect(reasonText({ family: 'cutThrough', text: { key: 'attached', instance: I } })).toBe(`它已挂载到 ${I}；需要先卸载，绑定后再重新挂载。`);
  });

  it('are prose in English too: no raw API values in a choice (statuses read as in the tables)', () => {
    for (const d of Object.values(DETAILS)) {
      for (const raw of ['BINDED', 'EcsInstance', 'NetworkInterface', 'PostPaid', 'Secondary']) expect(choiceDetail(d, 'en'), d.key).not.toContain(raw);
    }
  });

  it('names resources a run has yet to create', () => {
    expect(namePlaceholders('eip-createdbystep0 is bound to eni-createdbystep1.', 'en')).toBe('the new EIP is bound to the new ENI.');
    expect(reasonText({ family: 'lifecycle', text: LIFECYCLE.eniIsPrimaryDetach }, 'zh-CN')).toContain('不能卸载');
    expect(impactText({ key: 'privateNetworking', target: 'eni-createdbystep1' }, 'zh-CN')).toContain('新的弹性网卡');
  });
});
