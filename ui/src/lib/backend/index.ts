/**
 * The only module that talks to Tauri. Components call these typed functions; tests and
 * browser previews can replace the transport with `@tauri-apps/api/mocks`.
 */
import { Channel, invoke } from '@tauri-apps/api/core';
import type { AppInfo, EipRow, ErrorDto, RegionInfo } from './bindings';
import type {
  ActiveProfile,
  ConnectionReport,
  DeskProfile,
  ImportReport,
  ImportSelection,
  NewProfile,
  ProfileEdit,
  ProfilesOverview,
  ScanReport,
} from './bindings';

export type { AppInfo, EipRow, ErrorDto, RegionInfo } from './bindings';
export type {
  ActiveProfile,
  AuthMode,
  ConnectionReport,
  CredentialsEdit,
  DeskProfile,
  EnvLabel,
  ImportCandidate,
  ImportReport,
  ImportSelection,
  KeychainState,
  NewCredentials,
  NewProfile,
  NewRoleSource,
  ProfileEdit,
  ProfilesOverview,
  RoleSourceEdit,
  ScanReport,
  SourceReport,
} from './bindings';

/** An error from the backend, with the Alibaba Cloud code and request ID when there is one. */
export class BackendError extends Error {
  readonly dto: ErrorDto;
  constructor(dto: ErrorDto) {
    super(dto.message);
    this.name = 'BackendError';
    this.dto = dto;
  }
}

/** Turns whatever a command rejected with into a `BackendError`. */
export function toBackendError(raw: unknown): BackendError {
  if (raw instanceof BackendError) return raw;
  if (raw && typeof raw === 'object' && 'kind' in raw && 'message' in raw) {
    return new BackendError(raw as ErrorDto);
  }
  return new BackendError({
    kind: 'internal',
    code: 'Ipc',
    message: typeof raw === 'string' ? raw : 'The app backend did not answer.',
    requestId: null,
    hint: null,
  });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toBackendError(raw);
  }
}

export const backend = {
  appInfo: () => call<AppInfo>('app_info'),
  listRegions: () => call<RegionInfo[]>('list_regions'),
  listEips: (region: string) => call<EipRow[]>('list_eips', { region }),
  // profiles: secrets go out once (create/update) and never come back
  activeProfile: () => call<ActiveProfile>('active_profile'),
  profilesOverview: () => call<ProfilesOverview>('profiles_overview'),
  searchProfiles: (query: string) => call<DeskProfile[]>('search_profiles', { query }),
  createProfile: (profile: NewProfile, sandboxEndpoint: boolean) =>
    call<DeskProfile>('create_profile', { profile, sandboxEndpoint }),
  updateProfile: (id: string, edit: ProfileEdit, sandboxEndpoint: boolean | null) =>
    call<DeskProfile>('update_profile', { id, edit, sandboxEndpoint }),
  deleteProfile: (id: string) => call<void>('delete_profile', { id }),
  switchProfile: (id: string) => call<ActiveProfile>('switch_profile', { id }),
  testProfileConnection: (id: string) => call<ConnectionReport>('test_profile_connection', { id }),
  scanProfileImports: () => call<ScanReport>('scan_profile_imports'),
  importProfiles: (selections: ImportSelection[]) => call<ImportReport>('import_profiles', { selections }),
};

// ---- inventory (resource tables) ----
import type {
  CsvExportRequest,
  CsvExportResult,
  InventoryEvent,
  InventoryPatch,
  LoadRequest,
  LoadSummary,
  RegionRows,
  ResourceRef,
} from './bindings';

export type {
  BindingTarget,
  CsvExportRequest,
  CsvExportResult,
  CutThroughEligibility,
  CutThroughReason,
  CutThroughReasonCode,
  CutThroughVerdict,
  EipBinding,
  EipRef,
  EniRow,
  InstanceEni,
  InstanceRow,
  InventoryEvent,
  InventoryPatch,
  LoadRequest,
  LoadSummary,
  RegionRows,
  ResourceKind,
  ResourceRef,
} from './bindings';

export const inventoryApi = {
  /** Loads a scope (`all` or a region ID); events stream to `onEvent` while it runs. */
  load: (request: LoadRequest, onEvent: (event: InventoryEvent) => void) => {
    const channel = new Channel<InventoryEvent>();
    channel.onmessage = onEvent;
    return call<LoadSummary>('load_inventory', { request, onEvent: channel });
  },
  cancel: () => call<void>('cancel_inventory'),
  /** Re-reads resources by ID after a change; returns only the rows that changed. */
  refresh: (refs: ResourceRef[]) => call<InventoryPatch[]>('refresh_resources', { refs }),
  rows: (scope: string) => call<RegionRows[]>('inventory_rows', { scope }),
  exportCsv: (request: CsvExportRequest) => call<CsvExportResult>('export_csv', { request }),
  defaultExportPath: (table: string) => call<string>('default_export_path', { table }),
};

// ---- binding workflow (bind sheet, run timeline, Activity page) ----
import { listen } from '@tauri-apps/api/event';
import type {
  AuditEntry,
  AuditExportRequest,
  AuditExportResult,
  AuditFilter,
  BindForm,
  BindOptions,
  Confirmations,
  PreflightView,
  RunView,
} from './bindings';

export type {
  AuditEntry,
  AuditExportRequest,
  AuditExportResult,
  AuditFilter,
  AuditParam,
  BindForm,
  BindMode,
  BindOptions,
  Choice,
  Confirmations,
  ExportFormat,
  GuestOsGuide,
  GuideStep,
  JobKind,
  OsFamily,
  OsGuide,
  ParamView,
  Phase,
  PlanStepView,
  PlanView,
  PreflightView,
  ReasonView,
  RunStatus,
  RunView,
  StepStatus,
  StepView,
  TargetKind,
  WarningView,
} from './bindings';

/** The event every change of a run arrives on (its payload is the run's view). */
export const RUN_EVENT = 'workflow-run';

export const workflowApi = {
  /** The form's choices, each with why it cannot be chosen. */
  options: (form: BindForm) => call<BindOptions>('bind_options', { form }),
  /** Preflight on the real state: every failing rule, or the plan. */
  preflight: (form: BindForm) => call<PreflightView>('preflight_bind', { form }),
  /** Starts the run (preflight again, confirmations checked); progress arrives as events. */
  start: (form: BindForm, confirmations: Confirmations) => call<RunView>('start_bind', { form, confirmations }),
  runs: (limit = 100) => call<RunView[]>('workflow_runs', { limit }),
  run: (runId: string) => call<RunView>('workflow_run', { runId }),
  resume: (runId: string) => call<RunView>('resume_run', { runId }),
  rollBack: (runId: string) => call<RunView>('roll_back_run', { runId }),
  cancel: (runId: string) => call<RunView>('cancel_run', { runId }),
  auditLog: (filter: AuditFilter) => call<AuditEntry[]>('audit_log', { filter }),
  exportAudit: (request: AuditExportRequest) => call<AuditExportResult>('export_audit', { request }),
  /** Calls `handler` with every run change; returns a function that stops listening. */
  onRunChanged: async (handler: (run: RunView) => void): Promise<() => void> =>
    listen<RunView>(RUN_EVENT, (event) => handler(event.payload)),
};
