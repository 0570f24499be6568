import { describe, expect, it, vi } from 'vitest';

// Each command answers only when the test says so, so the test sees which calls were made
// before any answer arrived.
const pending: Record<string, (value: unknown) => void> = {};
const ask = (name: string) => () => new Promise((resolve) => (pending[name] = resolve));
vi.mock('../backend', () => ({
  commands: {
    appInfo: vi.fn(ask('appInfo')),
    activeProfile: vi.fn(ask('activeProfile')),
    listRegions: vi.fn(ask('listRegions')),
  },
  toBackendError: (e: unknown) => ({ dto: e }),
}));

const { session } = await import('./session.svelte');

describe('session.load', () => {
  it('asks for the app info, the active profile and the regions at once', async () => {
    const loading = session.load();
    await Promise.resolve();
    // All three are in flight before the first answers: one round trip before the first table.
    expect(Object.keys(pending).sort()).toEqual(['activeProfile', 'appInfo', 'listRegions']);
    pending.appInfo!({ version: '0.1.0', profileName: 'Sandbox', environment: 'sandbox', defaultRegion: 'cn-hangzhou' });
    pending.activeProfile!({ generation: 1 });
    pending.listRegions!([{ id: 'cn-hangzhou', name: 'Hangzhou', cutThrough: true }]);
    await loading;
    expect(session.error).toBeNull();
    expect(session.regions.map((r) => r.id)).toEqual(['cn-hangzhou']);
    expect(session.scope).toBe('cn-hangzhou');
  });
});
