import { describe, expect, it } from 'vitest';
import type { GuestNote, LeftUndone, OutcomeText, RunMessage, StepTitle } from '../backend';
import { invocationStatusText } from '../inventory/values';
import { guestLine, guestNote, outcomeText, runMessage, runMessageLine, stateIfStopped } from './run_text';

const EIP = 'eip-bp1free0000000001';
const ENI = 'eni-bp1sec00000000001';
const I = 'i-bp1web000000000001';
const MAC = '00:16:3e:00:00:01';
const CIDR = '203.0.113.0/24';
const SG = 'sg-bp1web01';

const CJK = /[\u4e00-\u9fff]/;
/** Latin words a Chinese sentence may keep: product names, protocols and acronyms. */
const LATIN_KEPT = new Set(['EIP', 'Desk', 'MAC', 'DHCP', 'ICMP', 'ping', 'NAT', 'IP']);

// One sample of every key the core sends (the Record types make each list complete or not compile).
const OUTCOMES: Record<OutcomeText['key'], OutcomeText> = {
  eniAttached: { key: 'eniAttached', eni: ENI, instance: I },
  eniAttachedAgain: { key: 'eniAttachedAgain', eni: ENI, instance: I },
  eniDetached: { key: 'eniDetached', eni: ENI, instance: I },
  eniDetachedAgain: { key: 'eniDetachedAgain', eni: ENI, instance: I },
  eipBound: { key: 'eipBound', eip: EIP, target: ENI, mode: 'BINDED' },
  eipBoundAgain: { key: 'eipBoundAgain', eip: EIP, target: ENI, mode: 'NAT' },
  eipUnbound: { key: 'eipUnbound', eip: EIP, target: ENI },
  eipUnboundAgain: { key: 'eipUnboundAgain', eip: EIP, target: ENI },
  eipMode: { key: 'eipMode', eip: EIP, mode: 'BINDED' },
  eipModeAgain: { key: 'eipModeAgain', eip: EIP, mode: 'NAT' },
  guestDhcp: { key: 'guestDhcp', mac: MAC },
  guestDhcpAgain: { key: 'guestDhcpAgain', mac: MAC },
  guestRestored: { key: 'guestRestored', mac: MAC },
  guestRestoredAgain: { key: 'guestRestoredAgain', mac: MAC },
  ruleAllowed: { key: 'ruleAllowed', protocol: 'TCP', ports: '22/22', cidr: CIDR, group: SG },
  ruleAllowedAgain: { key: 'ruleAllowedAgain', protocol: 'TCP', ports: '22/22', cidr: CIDR, group: SG },
  pingAllowed: { key: 'pingAllowed', cidr: CIDR, group: SG },
  pingAllowedAgain: { key: 'pingAllowedAgain', cidr: CIDR, group: SG },
  ruleRemoved: { key: 'ruleRemoved', protocol: 'TCP', ports: '22/22', cidr: CIDR, group: SG },
  ruleRemovedAgain: { key: 'ruleRemovedAgain', protocol: 'TCP', ports: '22/22', cidr: CIDR, group: SG },
  pingRemoved: { key: 'pingRemoved', cidr: CIDR, group: SG },
  pingRemovedAgain: { key: 'pingRemovedAgain', cidr: CIDR, group: SG },
  eipAllocated: { key: 'eipAllocated', eip: EIP },
  eipAllocatedAgain: { key: 'eipAllocatedAgain', eip: EIP },
  eipReleased: { key: 'eipReleased', eip: EIP },
  eipAttributes: { key: 'eipAttributes', eip: EIP },
  eipAttributesAgain: { key: 'eipAttributesAgain', eip: EIP },
  eniExists: { key: 'eniExists', eni: ENI },
  eniExistsAgain: { key: 'eniExistsAgain', eni: ENI },
  eniDeleted: { key: 'eniDeleted', eni: ENI },
  eniAttributes: { key: 'eniAttributes', eni: ENI },
  eniAttributesAgain: { key: 'eniAttributesAgain', eni: ENI },
  taggedOne: { key: 'taggedOne', id: EIP, tags: 'env=prod' },
  taggedOneAgain: { key: 'taggedOneAgain', id: EIP, tags: 'env=prod' },
  taggedMany: { key: 'taggedMany', first: EIP, more: 2, tags: 'env=prod' },
  taggedManyAgain: { key: 'taggedManyAgain', first: EIP, more: 2, tags: 'env=prod' },
  untaggedOne: { key: 'untaggedOne', id: EIP, keys: 'env' },
  untaggedMany: { key: 'untaggedMany', first: EIP, more: 2, keys: 'env' },
};

const LEFT: Record<LeftUndone['key'], LeftUndone> = {
  notConfigured: { key: 'notConfigured', mac: MAC },
  stillInGuest: { key: 'stillInGuest', mac: MAC },
  stillInGuestWindows: { key: 'stillInGuestWindows', mac: MAC },
};

const NOTES: Record<GuestNote['key'], GuestNote> = {
  verified: { key: 'verified', verified: { key: 'verified', ip: '47.98.28.21', interface: 'eth1', mac: MAC } },
  removed: { key: 'removed', mac: MAC, instance: I },
  offline: { key: 'offline', instance: I, left: LEFT.notConfigured },
  statusUnread: { key: 'statusUnread', instance: I, code: 'Throttling', left: LEFT.stillInGuest },
  wentOffline: { key: 'wentOffline', instance: I, info: 'ClientNotRunning', left: LEFT.stillInGuestWindows },
  nothingChanged: { key: 'nothingChanged' },
  nothingRan: { key: 'nothingRan' },
  verbatim: { key: 'verbatim', text: 'An old line.' },
};

const STEP: StepTitle = { key: 'unbind', eip: EIP, target: ENI };
const NOW: OutcomeText[] = [OUTCOMES.eipUnboundAgain, OUTCOMES.eniAttachedAgain];

const MESSAGES: Record<RunMessage['key'], RunMessage> = {
  resumed: { key: 'resumed' },
  rollingBackAgain: { key: 'rollingBackAgain' },
  rollingBackAsRequested: { key: 'rollingBackAsRequested' },
  cancelling: { key: 'cancelling' },
  completed: { key: 'completed' },
  completedWith: {
    key: 'completedWith',
    guest: [NOTES.verified, NOTES.offline],
    switched: { key: 'switchedToNatUnattached', ip: '47.98.28.21', eni: ENI },
  },
  failedRollingBack: { key: 'failedRollingBack', step: STEP, code: 'Forbidden.RAM' },
  failedAsk: { key: 'failedAsk', step: STEP, code: 'Forbidden.RAM' },
  undoFailed: { key: 'undoFailed', step: STEP, code: 'IncorrectStatus', message: 'The cloud says no.' },
  cancelled: { key: 'cancelled', now: NOW },
  cancelledNothing: { key: 'cancelledNothing' },
  rolledBackAutomatically: { key: 'rolledBackAutomatically', code: 'Forbidden.RAM', now: NOW },
  rolledBackAutomaticallyNothing: { key: 'rolledBackAutomaticallyNothing', code: 'Forbidden.RAM' },
  rolledBackAsRequested: { key: 'rolledBackAsRequested', code: 'Forbidden.RAM', now: NOW },
  rolledBackAsRequestedNothing: { key: 'rolledBackAsRequestedNothing', code: 'Forbidden.RAM' },
  rolledBack: { key: 'rolledBack', now: NOW },
  rolledBackNothing: { key: 'rolledBackNothing' },
  interrupted: { key: 'interrupted' },
};

type Render = (t: never, locale?: 'en' | 'zh-CN') => string;
const FAMILIES: [string, Record<string, { key: string }>, Render][] = [
  ['outcome', OUTCOMES, outcomeText as Render],
  ['gnote', NOTES, guestNote as Render],
  ['rmsg', MESSAGES, runMessage as Render],
];

/** Every ID, address or code a value carries, however deep. */
function verbatim(value: unknown): string[] {
  if (typeof value === 'string') return /^(eip|eni|i|sg)-|\d|^[A-Z][A-Za-z.]+$|\.$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(verbatim);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'key' || k === 'mode' ? [] : verbatim(v)));
  return [];
}

describe('run messages and guest lines', () => {
  it.each(['en', 'zh-CN'] as const)('every key renders in %s with its inputs filled in', (locale) => {
    for (const [family, samples, render] of FAMILIES) {
      for (const t of Object.values(samples)) {
        const text = render(t as never, locale);
        const what = `${family}_${t.key}`;
        expect(text.length, what).toBeGreaterThan(1);
        expect(text, what).not.toMatch(/[{}]/);
        for (const v of verbatim(t)) expect(text, `${what}: ${v}`).toContain(v);
      }
    }
  });

  it('words every message in Chinese, leaving only IDs, codes and kept names in Latin script', () => {
    for (const [family, samples, render] of FAMILIES) {
      for (const t of Object.values(samples)) {
        if (t.key === 'verbatim') continue;
        const text = render(t as never, 'zh-CN');
        const what = `${family}_${t.key}`;
        const inputs = JSON.stringify(t);
        const latin = text
          .split(/[^A-Za-z]+/)
          .filter((w) => w.length > 1 && !LATIN_KEPT.has(w) && !inputs.includes(w));
        expect(latin, what).toEqual([]);
        expect(text, what).toMatch(CJK);
      }
    }
  });

  it('matches the English the core journals', () => {
    expect(runMessage(MESSAGES.rolledBack!, 'en')).toBe(
      `Rolled back. Now: ${EIP} is unbound from ${ENI} again; ${ENI} is attached to ${I} again.`,
    );
    expect(runMessage(MESSAGES.failedAsk!, 'en')).toBe(
      `"Unbind ${EIP} from ${ENI}" failed (Forbidden.RAM). Retry the step, or roll back to undo every completed step.`,
    );
    expect(runMessage(MESSAGES.completedWith!, 'en')).toMatch(
      new RegExp(`^Completed and verified\\. EIP 47\\.98\\.28\\.21 verified on eth1 \\(MAC ${MAC}\\)\\. Cloud Assistant is not online on ${I}, so the guest OS`),
    );
    expect(outcomeText(OUTCOMES.eipBoundAgain!, 'en')).toBe(`${EIP} is bound to ${ENI} in NAT mode again`);
  });

  it('words the completed run, the step and the outcomes in Chinese', () => {
    expect(runMessage(MESSAGES.completed!, 'zh-CN')).toBe('已完成并校验。');
    expect(runMessage(MESSAGES.completedWith!, 'zh-CN')).toMatch(/^已完成并校验。已确认弹性公网IP 47\.98\.28\.21 位于 eth1（MAC [0-9a-f:]+）。.+云助手客户端不在线/);
    expect(runMessage(MESSAGES.failedRollingBack!, 'zh-CN')).toBe(`“将 ${EIP} 从 ${ENI} 解绑”失败（Forbidden.RAM）。正在自动撤销已完成的步骤。`);
    expect(runMessage(MESSAGES.rolledBack!, 'zh-CN')).toBe(`已回滚。当前状态：${EIP} 已再次从 ${ENI} 解绑；${ENI} 已重新挂载到 ${I}。`);
    expect(outcomeText({ key: 'eipReleased', eip: 'eip-createdbystep0' }, 'zh-CN')).toBe('新的弹性公网IP 已释放');
  });

  it('says what the cloud looks like if a run stops now', () => {
    const state = [OUTCOMES.eniDetached!, OUTCOMES.eipBound!];
    expect(stateIfStopped(state, 'en')).toBe(`${ENI} is detached from ${I}; ${EIP} is bound to ${ENI} in cut-through mode.`);
    expect(stateIfStopped(state, 'zh-CN')).toBe(`${ENI} 已从 ${I} 卸载；${EIP} 已以直通模式绑定到 ${ENI}。`);
    expect(stateIfStopped([], 'en')).toBe('Nothing has changed yet.');
    expect(stateIfStopped([], 'zh-CN')).toMatch(CJK);
  });

  it('falls back to the English the journal kept before messages were keys', () => {
    expect(runMessageLine({ message: 'Completed and verified. Old.', messageText: null }, 'zh-CN')).toBe('Completed and verified. Old.');
    expect(runMessageLine({ message: 'Old.', messageText: MESSAGES.interrupted! }, 'zh-CN')).toMatch(CJK);
    expect(runMessageLine({ message: null, messageText: null })).toBe('');
    expect(guestLine(null, 'Old line.', 'zh-CN')).toBe('Old line.');
    expect(guestLine(NOTES.nothingRan!, 'Old line.', 'zh-CN')).toBe('无需恢复：没有运行过脚本。');
  });

  it('words Cloud Assistant invocation statuses as the console does, unknown ones as they are', () => {
    expect(invocationStatusText('Success')).toBe('Success');
    expect(invocationStatusText('Weird')).toBe('Weird');
    expect(invocationStatusText(null)).toBe('');
  });
});
