/**
 * App-wide state every page reads: who we are (active profile), which regions exist, and the
 * region scope the header selects. Pages react to `session.scope` and `session.generation`
 * (bumped on profile switch or refresh) to reload what they show. The scope is remembered
 * across launches (`eipdesk.session.scope`). Region names come in the UI's language
 * (`DescribeRegions`' `AcceptLanguage`); `nameRegions` re-reads them when it changes.
 */
import { commands, toBackendError, type ActiveProfile, type AppInfo, type ErrorDto, type RegionInfo } from '../backend';
import { language, type Locale } from '../i18n';
import { Persisted } from '../persisted.svelte';
import { regionLanguage } from './region_language';
import { initialScope, scopeCodec } from './scope';

class Session {
  info: AppInfo | null = $state(null);
  regions: RegionInfo[] = $state([]);
  /** The locale `regions` are named in. */
  #namedIn: Locale | null = null;
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
      const locale = language.current;
      const [info, active, regions] = await Promise.all([
        commands.appInfo(),
        commands.activeProfile(),
        commands.listRegions(regionLanguage(locale)),
      ]);
      this.info = info;
      this.active = active;
      this.regions = regions;
      this.#namedIn = locale;
      // The language may have changed while the list was loading.
      if (language.current !== locale) void this.nameRegions(language.current);
      const scope = initialScope(this.scope, this.regions, this.info?.defaultRegion);
      if (scope !== this.scope) this.#scope.current = scope;
      this.error = null;
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  /** Re-reads the region names in `locale` once regions are loaded in another language. */
  async nameRegions(locale: Locale) {
    if (this.#namedIn === null || this.#namedIn === locale) return;
    try {
      const regions = await commands.listRegions(regionLanguage(locale));
      this.regions = regions;
      this.#namedIn = locale;
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
