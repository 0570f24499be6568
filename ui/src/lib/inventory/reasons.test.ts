import { describe, expect, it } from 'vitest';
import type { CutThroughText } from '../backend';
import { cutThroughText } from './reasons';

/** One sample of every key the core sends (the type makes this list complete or not compile). */
const ALL: Record<CutThroughText['key'], CutThroughText> = {
  primaryEni: { key: 'primaryEni' },
  notSecondary: { key: 'notSecondary', kind: 'Trunk' },
  notInVpc: { key: 'notInVpc' },
  regionUnsupported: { key: 'regionUnsupported', region: 'eu-west-1' },
  hasEip: { key: 'hasEip', ip: '47.98.159.168', mode: 'NAT' },
  hasSecondaryIps: { key: 'hasSecondaryIps', count: 2 },
  busy: { key: 'busy', status: 'Attaching' },
  serviceManaged: { key: 'serviceManaged' },
  attached: { key: 'attached', instance: 'i-bp1rqn8y8lb6iy5x5nne' },
};

describe('cut-through reasons', () => {
  it.each(['en', 'zh-CN'] as const)('every key renders in %s with its arguments filled in', (locale) => {
    for (const t of Object.values(ALL)) {
      const text = cutThroughText(t, locale);
      expect(text.length, t.key).toBeGreaterThan(5);
      expect(text, t.key).not.toMatch(/[{}]/);
      for (const v of Object.entries(t).filter(([k]) => k !== 'key' && k !== 'mode' && k !== 'status').map(([, v]) => String(v))) expect(text, t.key).toContain(v);
    }
  });

  it('matches the English the core writes for the CLI, and words it in Chinese', () => {
    expect(cutThroughText(ALL.attached, 'en')).toBe('It is attached to i-bp1rqn8y8lb6iy5x5nne; it must be detached first, then re-attached after binding.');
    expect(cutThroughText({ key: 'hasSecondaryIps', count: 1 }, 'en')).toBe('It has 1 secondary private IP; remove it first.');
    expect(cutThroughText(ALL.attached, 'zh-CN')).toBe('它已挂载到 i-bp1rqn8y8lb6iy5x5nne；需要先卸载，绑定后再重新挂载。');
  });
});
