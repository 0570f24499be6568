/**
 * App-wide state every page reads: who we are (active profile), which regions exist, and the
 * region scope the header selects. Pages react to `session.scope` and `session.generation`
 * (bumped on profile switch or refresh) to reload what they show.
 */
import { backend, toBackendError, type AppInfo, type ErrorDto, type RegionInfo } from '../backend';

class Session {
  info: AppInfo | null = $state(null);
  regions: RegionInfo[] = $state([]);
  /** A region ID, or `all` for every region the account has. */
  scope = $state('');
  /** Bumped whenever everything shown must be reloaded (profile switch, manual refresh). */
  generation = $state(0);
  error: ErrorDto | null = $state(null);

  async load() {
    try {
      this.info = await backend.appInfo();
      this.regions = await backend.listRegions();
      const preferred = this.regions.find((r) => r.id === this.info?.defaultRegion) ?? this.regions[0];
      if (preferred && this.scope !== 'all' && !this.regions.some((r) => r.id === this.scope)) this.scope = preferred.id;
      this.error = null;
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  setScope(region: string) {
    this.scope = region;
  }

  refresh() {
    this.generation += 1;
  }
}

export const session = new Session();
