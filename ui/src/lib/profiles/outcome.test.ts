// An action's outcome on the Profiles page belongs to its profile: a failed connection test
// of one profile never shows once another profile is active or the profile is gone.
import { describe, expect, it } from 'vitest';
import type { ErrorDto } from '../backend';
import { failedHeading, shownOutcome, type ProfileOutcome } from './outcome';

const error: ErrorDto = { kind: 'auth', code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.', requestId: 'req-0000-fake', hint: null, words: null, recommend: null };
const profiles = [
  { id: 'p-sandbox', name: 'Sandbox' },
  { id: 'p-staging', name: 'staging' },
];
const failed: ProfileOutcome = { profileId: 'p-staging', name: 'staging', activeId: 'p-sandbox', kind: 'failed', action: 'test', error };

describe('profile outcomes', () => {
  it('show while the profile exists and the same profile is active', () => {
    expect(shownOutcome(failed, profiles, 'p-sandbox')).toEqual(failed);
  });
  it('go once another profile is active (no banner for another profile)', () => {
    expect(shownOutcome(failed, profiles, 'p-staging')).toBeNull();
  });
  it('go with their profile', () => {
    expect(shownOutcome(failed, profiles.slice(0, 1), 'p-sandbox')).toBeNull();
  });
  it('use the profile’s current name', () => {
    const renamed = [{ id: 'p-sandbox', name: 'Sandbox' }, { id: 'p-staging', name: 'staging-eu' }];
    expect(shownOutcome(failed, renamed, 'p-sandbox')?.name).toBe('staging-eu');
  });
  it('name the profile in the heading', () => {
    expect(failedHeading('test', 'staging')).toBe('Connection test of “staging” failed');
    expect(failedHeading('switch', 'staging')).toBe('Switching to “staging” failed');
  });
});
