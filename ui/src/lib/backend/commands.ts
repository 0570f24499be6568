// Generated from the #[tauri::command] functions in src-tauri/src/commands. Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p eipdesk ipc
import { Channel } from '@tauri-apps/api/core';
import { call } from './transport';
import type { ActiveProfile, AppInfo, AuditEntry, AuditExportRequest, AuditExportResult, AuditFilter, BackupList, BindForm, BindOptions, Confirmations, ConnectionReport, CsvExportRequest, CsvExportResult, DeskProfile, ImportReport, ImportSelection, InventoryEvent, InventoryPatch, LifecycleChoices, LifecycleForm, LoadRequest, LoadSummary, MovePreview, MoveReport, NewProfile, PreflightView, ProfileEdit, ProfileId, ProfilesOverview, QuitIntent, QuitWhen, RegionInfo, RegionLanguage, ResourceRef, RestoreReport, RowAction, RunId, RunView, ScanReport, SetupPreview, SetupReport } from './bindings';

/** The name of the `close-requested` event. */
export const CLOSE_EVENT = 'close-requested';

/** The name of the `workflow-run` event. */
export const RUN_EVENT = 'workflow-run';

function channel<T>(handler: (event: T) => void): Channel<T> {
  const c = new Channel<T>();
  c.onmessage = handler;
  return c;
}

/** Every command of the backend, by name. */
export const commands = {
  /** Exports the rows a table shows to a CSV file chosen in the save dialog; `null` when the */
  exportCsv: (request: CsvExportRequest) => call<CsvExportResult | null>('export_csv', { request }),
  /** Exports the matching audit entries as CSV or JSON to a file chosen in the save dialog; */
  exportAudit: (request: AuditExportRequest) => call<AuditExportResult | null>('export_audit', { request }),
  /** Shows a file exported in this session in the file manager. */
  showInFolder: (path: string) => call<void>('show_in_folder', { path }),
  appInfo: () => call<AppInfo>('app_info'),
  /** The regions the account has, named in `language` (the window's locale). */
  listRegions: (language: RegionLanguage) => call<RegionInfo[]>('list_regions', { language }),
  /** Loads a scope; progress and rows arrive on `on_event`, the summary is the result. */
  loadInventory: (request: LoadRequest, onEvent: (event: InventoryEvent) => void) => call<LoadSummary>('load_inventory', { request, onEvent: channel(onEvent) }),
  refreshResources: (refs: ResourceRef[]) => call<InventoryPatch[]>('refresh_resources', { refs }),
  /** The actions a row's details panel offers, each with why it cannot run now. */
  rowActions: (row: ResourceRef) => call<RowAction[]>('row_actions', { row }),
  lifecycleChoices: (regionId: string) => call<LifecycleChoices>('lifecycle_choices', { regionId }),
  preflightLifecycle: (form: LifecycleForm) => call<PreflightView>('preflight_lifecycle', { form }),
  startLifecycle: (form: LifecycleForm, confirmations: Confirmations) => call<RunView>('start_lifecycle', { form, confirmations }),
  activeProfile: () => call<ActiveProfile>('active_profile'),
  profilesOverview: () => call<ProfilesOverview>('profiles_overview'),
  searchProfiles: (query: string) => call<DeskProfile[]>('search_profiles', { query }),
  createProfile: (profile: NewProfile, sandboxEndpoint: boolean) => call<DeskProfile>('create_profile', { profile, sandboxEndpoint }),
  updateProfile: (id: ProfileId, edit: ProfileEdit, sandboxEndpoint: boolean | null) => call<DeskProfile>('update_profile', { id, edit, sandboxEndpoint }),
  deleteProfile: (id: ProfileId) => call<void>('delete_profile', { id }),
  switchProfile: (id: ProfileId) => call<ActiveProfile>('switch_profile', { id }),
  testProfileConnection: (id: ProfileId) => call<ConnectionReport>('test_profile_connection', { id }),
  scanProfileImports: () => call<ScanReport>('scan_profile_imports'),
  importProfiles: (selections: ImportSelection[]) => call<ImportReport>('import_profiles', { selections }),
  /** What 'Set up the aliyun CLI' would add to `config.json` for a profile (nothing written). */
  aliyunSetupPreview: (id: ProfileId) => call<SetupPreview>('aliyun_setup_preview', { id }),
  /** Writes what the preview with `fingerprint` showed (refused if the file changed since). */
  aliyunSetupApply: (id: ProfileId, fingerprint: string) => call<SetupReport>('aliyun_setup_apply', { id, fingerprint }),
  /** The aliyun CLI profiles holding an AccessKey secret and what moving each would do. */
  aliyunMovePreview: () => call<MovePreview>('aliyun_move_preview'),
  /** Moves the selected aliyun CLI profiles' keys into the keychain. */
  aliyunMoveApply: (fingerprint: string, cliProfiles: string[]) => call<MoveReport>('aliyun_move_apply', { fingerprint, cliProfiles }),
  /** The backups beside the aliyun CLI configuration. */
  aliyunConfigBackups: () => call<BackupList>('aliyun_config_backups'),
  /** Puts a backup of the aliyun CLI configuration back. */
  aliyunConfigRestore: (name: string, fingerprint: string) => call<RestoreReport>('aliyun_config_restore', { name, fingerprint }),
  bindOptions: (form: BindForm) => call<BindOptions>('bind_options', { form }),
  preflightBind: (form: BindForm) => call<PreflightView>('preflight_bind', { form }),
  startBind: (form: BindForm, confirmations: Confirmations) => call<RunView>('start_bind', { form, confirmations }),
  workflowRuns: (limit: number | null) => call<RunView[]>('workflow_runs', { limit }),
  resumeRun: (runId: RunId) => call<RunView>('resume_run', { runId }),
  rollBackRun: (runId: RunId) => call<RunView>('roll_back_run', { runId }),
  cancelRun: (runId: RunId) => call<RunView>('cancel_run', { runId }),
  auditLog: (filter: AuditFilter) => call<AuditEntry[]>('audit_log', { filter }),
  /** The runs a close would leave interrupted, with the state each leaves. */
  runsInProgress: () => call<RunView[]>('runs_in_progress'),
  /** Quits after the user chose what happens to the runs in progress. */
  quitApp: () => call<void>('quit_app'),
  /** Quits once every run in `runs` reaches `when` (at once if they already have): the shell */
  quitWhen: (when: QuitWhen, runs: RunId[]) => call<void>('quit_when', { when, runs }),
  /** The answer the app is waiting on to quit, if any (a reloaded window shows it again). */
  quitIntent: () => call<QuitIntent | null>('quit_intent'),
};
