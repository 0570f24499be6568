/**
 * The outcome of an action on one profile (a connection test that worked or failed, a failed
 * switch, edit or delete) as the Profiles page shows it: tied to that profile and to the
 * active profile at the time. It names its profile, and it goes when the profile is deleted
 * or another profile becomes active, so it never reads as the outcome of another profile.
 * No DOM; unit-tested.
 */
import type { ConnectionReport, ErrorDto } from '../backend';
import { m } from '../i18n';

export type ProfileOutcome = {
  /** The profile acted on. */
  profileId: string;
  /** Its name when the action ran (the current name is shown). */
  name: string;
  /** The active profile when the action ran. */
  activeId: string | null;
} & ({ kind: 'tested'; report: ConnectionReport } | { kind: 'failed'; action: string; error: ErrorDto });

/** The heading of a failed action: `Connection test of “prod” failed`. */
export function failedHeading(action: string, name: string): string {
  switch (action) {
    case 'test':
      return m.po_failed_test({ name });
    case 'switch':
      return m.po_failed_switch({ name });
    case 'delete':
      return m.po_failed_delete({ name });
    case 'edit':
      return m.po_failed_edit({ name });
    default:
      return m.po_failed_other({ action, name });
  }
}

/**
 * The outcome to show now: `null` once its profile is gone or another profile is active,
 * else the outcome with its profile's current name.
 */
export function shownOutcome(outcome: ProfileOutcome | null, profiles: readonly { id: string; name: string }[], activeId: string | null): ProfileOutcome | null {
  if (!outcome) return null;
  const profile = profiles.find((p) => p.id === outcome.profileId);
  if (!profile || activeId !== outcome.activeId) return null;
  return profile.name === outcome.name ? outcome : { ...outcome, name: profile.name };
}
