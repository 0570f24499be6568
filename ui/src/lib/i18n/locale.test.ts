import { describe, expect, it } from 'vitest';
import { memoryStore } from '../memory-store';
import { Language, matchLocale } from './locale.svelte';
import { m } from './index';

describe('matchLocale', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-Hans-CN', 'en-US'], 'zh-CN'],
    [['zh-TW', 'en-GB'], 'en'],
    [['de-DE', 'zh-CN'], 'zh-CN'],
    [['en-US'], 'en'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (tags, want) => {
    expect(matchLocale(tags)).toBe(want);
  });
});

describe('Language', () => {
  it('follows the OS until the user chooses, and remembers the choice', () => {
    const store = memoryStore();
    const lang = new Language(store, ['zh-CN', 'en-US']);
    expect(lang.choice).toBe('system');
    expect(lang.current).toBe('zh-CN');
    lang.set('en');
    expect(lang.current).toBe('en');
    expect(new Language(store, ['zh-CN']).current).toBe('en');
    lang.set('system');
    expect(new Language(store, ['zh-CN']).current).toBe('zh-CN');
  });

  it('ignores a stored value that is not a language', () => {
    const store = memoryStore();
    store.setItem('eipdesk.language', 'klingon');
    expect(new Language(store, ['en-US']).choice).toBe('system');
  });

  it('renders messages in either locale', () => {
    expect(m.nav_eips({}, { locale: 'en' })).toBe('Elastic IPs');
    expect(m.nav_eips({}, { locale: 'zh-CN' })).toBe('弹性公网IP');
  });
});
