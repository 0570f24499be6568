/**
 * App-wide state every page reads: who we are (active profile), which regions exist, and the
 * region scope the header selects. Pages react to `session.scope` and `session.generation`
 * (bumped on profile switch or refresh) to reload what they show. The scope is remembered
 * across launches (`eipdesk.session.scope`).
 */
import { commands, toBackendError, type ActiveProfile, type AppInfo, type ErrorDto, type RegionInfo } from '../backend';
import { Persisted } from '../persisted.svelte';
import { initialScope, scopeCodec } from './scope';

class Session {
  info: AppInfo | null = $state(null);
  regions: RegionInfo[] = $state([]);
  readonly #scope = new Persisted('eipdesk.session.scope', '', { codec: scopeCodec });
  /** A region ID, or `all` for every region the account has. */
  get scope(): string {
    return this.#scope.current;
  }
  /** Bumped whenever everything shown must be reloaded (profile switch, manual refresh). */
  generation = $state(0);
  error: ErrorDto | null = $state(null);
  /** The active profile (name, account, environment colour) and the backend's session generation. */
  active: ActiveProfile | null = $state(null);

  async load() {
    try {
      // One round trip, not three: the window's first table waits for all of them.
      const [info, active, regions] = await Promise.all([
        commands.appInfo(),
        commands.activeProfile(),
        commands.listRegions(),
      ]);
      this.info = info;
      this.active = active;
      this.regions = regions;
      const scope = initialScope(this.scope, this.regions, this.info?.defaultRegion);
      if (scope !== this.scope) this.#scope.current = scope;
      this.error = null;
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  setScope(region: string) {
    this.#scope.current = region;
  }

  refresh() {
    this.generation += 1;
  }

  /** Switches profile: the backend cancels the old profile's work; everything shown reloads. */
  async switchProfile(id: string) {
    await this.adopt(await commands.switchProfile(id));
  }

  /** Re-reads the active profile after a profile was edited, deleted or tested. */
  async syncActive() {
    try {
      await this.adopt(await commands.activeProfile());
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  /** Takes a new active profile; a new backend generation reloads regions and every page. */
  private async adopt(active: ActiveProfile) {
    const changed = this.active?.generation !== active.generation;
    this.active = active;
    if (!changed) return;
    await this.load();
    this.generation += 1;
  }
}

export const session: Readonly<Session> = new Session();
