import { describe, expect, it, vi } from 'vitest';

vi.mock('../backend', () => ({ commands: {}, toBackendError: (e: unknown) => e }));
vi.mock('../inventory/store.svelte', () => ({ inventory: { refresh: vi.fn() } }));
vi.mock('../workflow/runs.svelte', () => ({ runs: { byId: {}, upsert: vi.fn() } }));

const { lifecycle } = await import('./lifecycle.svelte');

describe('lifecycle form', () => {
  it('sends only the fields the user gave, trimmed', () => {
    lifecycle.show('addTags', 'cn-hangzhou', ['eip-a'], ['eip-a', 'eip-b', 'eip-c']);
    lifecycle.toggleId('eip-b', true);
    lifecycle.setTag(0, 'key', ' team ');
    lifecycle.setTag(0, 'value', 'edge');
    lifecycle.addTagRow();
    const form = lifecycle.form();
    expect(form.job).toBe('addTags');
    expect(form.ids).toEqual(['eip-a', 'eip-b']);
    expect(form.tags).toEqual([{ key: ' team ', value: 'edge' }]);
    expect(form.name).toBeNull();
    expect(form.period).toBeNull();
  });

  it('asks for a period only with a subscription', () => {
    lifecycle.show('allocateEip', 'cn-hangzhou');
    lifecycle.set('billing', 'subscription');
    lifecycle.set('period', 3);
    expect(lifecycle.form()).toMatchObject({ billing: 'subscription', period: 3, pricingCycle: 'Month' });
    lifecycle.set('billing', 'payByTraffic');
    expect(lifecycle.form().period).toBeNull();
  });

  it('a warning confirmed by typing needs the exact text', () => {
    lifecycle.show('releaseEip', 'cn-hangzhou', ['eip-a']);
    expect(lifecycle.confirmed).toBe(true);
  });
});
