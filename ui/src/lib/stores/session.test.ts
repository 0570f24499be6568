import { describe, expect, it, vi } from 'vitest';
import type { RegionInfo, RegionLanguage } from '../backend';

const NAMES: Record<RegionLanguage, string> = { 'en-US': 'China (Hangzhou)', 'zh-CN': '华东1（杭州）', ja: '中国 (杭州)' };
const listRegions = vi.fn(
  async (language: RegionLanguage): Promise<RegionInfo[]> => [{ id: 'cn-hangzhou', name: NAMES[language], cutThrough: true }],
);
vi.mock('../backend', () => ({
  commands: {
    appInfo: async () => ({ version: '0', profileName: 'Sandbox', environment: 'sandbox', defaultRegion: 'cn-hangzhou' }),
    activeProfile: async () => ({ generation: 1 }),
    listRegions,
  },
  toBackendError: (e: unknown) => ({ dto: e }),
}));

const { session } = await import('./session.svelte');
const { language } = await import('../i18n');
const { regionLanguage } = await import('./region_language');

describe('region names', () => {
  it('asks DescribeRegions in the language of each locale', () => {
    expect(regionLanguage('en')).toBe('en-US');
    expect(regionLanguage('zh-CN')).toBe('zh-CN');
  });

  it('are loaded in the current language and re-read when it changes', async () => {
    await session.nameRegions('zh-CN'); // nothing loaded yet: nothing to rename
    expect(listRegions).not.toHaveBeenCalled();
    await session.load();
    expect(listRegions).toHaveBeenLastCalledWith('en-US');
    expect(session.regions[0]?.name).toBe('China (Hangzhou)');
    await session.nameRegions('zh-CN');
    expect(listRegions).toHaveBeenLastCalledWith('zh-CN');
    expect(session.regions[0]?.name).toBe('华东1（杭州）');
    const calls = listRegions.mock.calls.length;
    await session.nameRegions('zh-CN');
    expect(listRegions.mock.calls.length).toBe(calls);
  });

  it('follow a language switch made while the list was loading', async () => {
    language.set('en');
    await session.load();
    listRegions.mockImplementationOnce(async (l: RegionLanguage) => {
      language.set('zh-CN'); // the user switches while DescribeRegions is in flight
      return [{ id: 'cn-hangzhou', name: NAMES[l], cutThrough: true }];
    });
    await session.load();
    await vi.waitFor(() => expect(session.regions[0]?.name).toBe('华东1（杭州）'));
    language.set('system');
  });
});
