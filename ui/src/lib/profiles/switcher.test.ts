import { describe, expect, it } from 'vitest';
import { describe as describeProfile, envText, envTone, highlight, isPaletteShortcut, nextIndex, roleSourceText, shortcutLabel } from './switcher';
import { profile, sandbox } from './fixtures';

describe('isPaletteShortcut', () => {
  it('is Ctrl+K or Cmd+K, nothing else', () => {
    expect(isPaletteShortcut({ key: 'k', ctrlKey: true })).toBe(true);
    expect(isPaletteShortcut({ key: 'K', metaKey: true })).toBe(true);
    expect(isPaletteShortcut({ key: 'k' })).toBe(false);
    expect(isPaletteShortcut({ key: 'k', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isPaletteShortcut({ key: 'j', ctrlKey: true })).toBe(false);
  });
  it('is written the platform’s way', () => {
    expect(shortcutLabel('MacIntel')).toBe('⌘K');
    expect(shortcutLabel('Linux x86_64')).toBe('Ctrl K');
  });
});

describe('nextIndex', () => {
  it('wraps with the arrows and jumps with Home/End/Page keys', () => {
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('PageDown', 1, 10)).toBe(6);
    expect(nextIndex('PageUp', 1, 10)).toBe(0);
    expect(nextIndex('Enter', 1, 3)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('environment', () => {
  it('production is red, the Sandbox says so', () => {
    expect(envTone(profile())).toBe('red');
    expect(envTone(profile({ labelColor: 'purple' }))).toBe('grey');
    expect(envText(profile())).toBe('Production');
    expect(envText(profile({ label: 'none' }))).toBe('');
    expect(envText(sandbox())).toBe('Sandbox');
  });

  it('describes account, region and mode', () => {
    expect(describeProfile(profile())).toBe('5678901234567890 · cn-hangzhou · AccessKey');
    expect(describeProfile(profile({ accountId: null, sandboxEndpoint: true }))).toBe(
      'account not tested yet · cn-hangzhou · AccessKey · Sandbox endpoint',
    );
    expect(describeProfile(sandbox())).toContain('Built-in emulator');
  });
});

describe('highlight', () => {
  it('marks every term once, case-insensitively', () => {
    expect(highlight('Prod Admin', 'adm PRO')).toEqual([
      { text: 'Pro', match: true },
      { text: 'd ', match: false },
      { text: 'Adm', match: true },
      { text: 'in', match: false },
    ]);
    expect(highlight('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(highlight('', 'x')).toEqual([]);
  });
});

describe('roleSourceText', () => {
  const role = {
    roleArn: 'acs:ram::1:role/a',
    sessionName: 's1',
    durationSeconds: 3600,
    externalId: null,
    sourceProfileId: null,
    sourceProfileName: null,
    oidcProviderArn: null,
    oidcTokenFile: null,
  };
  it('names what assumes the role', () => {
    expect(roleSourceText(role)).toBe('with its own AccessKey');
    expect(roleSourceText({ ...role, sourceProfileId: 'p-a', sourceProfileName: 'src' })).toBe('via src');
    expect(roleSourceText({ ...role, oidcProviderArn: 'acs:ram::1:oidc-provider/x', oidcTokenFile: '/t/token' })).toBe(
      'with the OIDC token in /t/token',
    );
  });
});
