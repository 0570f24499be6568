// Generated from the Rust types in eipdesk-core (dto.rs). Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings

export type EipStatus = "Associating" | "Unassociating" | "InUse" | "Available" | "Releasing" | (string & {});

export type EipMode = "NAT" | "BINDED" | "MULTI_BINDED" | (string & {});

export type EipTargetType = "EcsInstance" | "SlbInstance" | "Nat" | "HaVip" | "NetworkInterface" | "IpAddress" | (string & {});

export type EniStatus = "Available" | "Attaching" | "InUse" | "Detaching" | "Deleting" | "CreateFailed" | (string & {});

export type InstanceStatus = "Pending" | "Running" | "Starting" | "Stopping" | "Stopped" | (string & {});

export type ErrorKind = "throttling" | "transient" | "auth" | "notFound" | "invalidState" | "invalidInput" | "transport" | "keychain" | "internal";

export type ErrorHint = { "key": "apiThrottling" } | { "key": "apiTransient" } | { "key": "apiAuth" } | { "key": "apiNotFound" } | { "key": "apiInvalidState" } | { "key": "apiInvalidInput" } | { "key": "apiTransport" } | { "key": "apiDecode" } | { "key": "apiCredentials" } | { "key": "background" } | { "key": "sandbox" } | { "key": "dataDir", path: string, } | { "key": "keychainNoSessionBus" } | { "key": "keychainNoProvider" } | { "key": "keychainLocked" } | { "key": "keychainAccessDenied" } | { "key": "keychainAmbiguous" } | { "key": "keychainUnsupported" } | { "key": "keychainFailure" } | { "key": "profileNotFound" } | { "key": "profileNameTaken" } | { "key": "profileInvalid" } | { "key": "profileBuiltin" } | { "key": "profileInUse" } | { "key": "profileSourceChain" } | { "key": "profileSecret" } | { "key": "profileDataDir" } | { "key": "profileFileCorrupt" } | { "key": "connectSandbox" } | { "key": "connectRole" } | { "key": "connectApi" } | { "key": "importRead" } | { "key": "importNotAFile" } | { "key": "importMalformed" } | { "key": "importSourceChanged" } | { "key": "importDuplicate" } | { "key": "importNotImportable" } | { "key": "configNoHome" } | { "key": "configFix" } | { "key": "configChanged" } | { "key": "configMissing" } | { "key": "configNameTaken", name: string, } | { "key": "configUnknownBackup" } | { "key": "configWrite" } | { "key": "exportChooseFile" } | { "key": "exportNoFolder" } | { "key": "exportWouldReplace" } | { "key": "exportWrite" } | { "key": "exportRetry" } | { "key": "openFileManager" } | { "key": "openFileManagerPath" } | { "key": "inventoryCancelled" } | { "key": "inventoryRefresh" } | { "key": "idPrefixed", prefix: string, } | { "key": "idRegion" } | { "key": "runJournal" } | { "key": "runPreflight" } | { "key": "runConfirm" } | { "key": "runWrongState" } | { "key": "runBusy" } | { "key": "stepState" } | { "key": "guestRetry" } | { "key": "accessRule" } | { "key": "argReload", field: string, };

export type ErrorText = { "key": "keychainNoSessionBus", detail: string, } | { "key": "keychainNoProvider" } | { "key": "keychainLocked", detail: string, } | { "key": "keychainAccessDenied", detail: string, } | { "key": "keychainAmbiguous" } | { "key": "keychainUnsupported" } | { "key": "keychainFailure", detail: string, } | { "key": "profileNotFound", id: string, } | { "key": "profileNameTaken", name: string, } | { "key": "profileInUse", names: string, } | { "key": "profileSourceChain", max: number, } | { "key": "profileSecretMissing", name: string, } | { "key": "profileSecretCorrupt", name: string, reason: string, } | { "key": "connectSandbox" } | { "key": "importSourceMissing", candidate: string, } | { "key": "importUnknownCandidate", candidate: string, } | { "key": "importDuplicate", candidate: string, } | { "key": "importTooLarge", path: string, bytes: bigint, } | { "key": "importNotImportable", candidate: string, importReason: ImportReason, } | { "key": "importRead", path: string, detail: string, } | { "key": "importProfileFailed", candidate: string, cause: ErrorText, } | { "key": "importMalformed", path: string, fileProblem: FileProblem, } | { "key": "importMalformedLine", path: string, line: number, fileProblem: FileProblem, } | { "key": "importMalformedAt", path: string, line: number, column: number, fileProblem: FileProblem, } | { "key": "profileInvalid", field: string, fieldLabel: FieldLabel, fieldReason: FieldReason, } | { "key": "sandboxNotDeleted" } | { "key": "sandboxNotRenamed" } | { "key": "sandboxNoCredentials" } | { "key": "sandboxNotInTerminal" } | { "key": "profileRead", path: string, detail: string, } | { "key": "profileFileCorrupt", path: string, detail: string, } | { "key": "fileWrite", path: string, detail: string, } | { "key": "configNoHome" } | { "key": "configStructure", path: string, detail: string, } | { "key": "configChanged", path: string, } | { "key": "configMissing", path: string, } | { "key": "configNameTaken", name: string, } | { "key": "configUnknownBackup", name: string, } | { "key": "configBackup", path: string, detail: string, } | { "key": "exportNotAbsolute", path: string, } | { "key": "exportIsFolder", path: string, } | { "key": "exportNoFolder", folder: string, } | { "key": "exportWouldReplace", path: string, } | { "key": "exportWrite", path: string, detail: string, } | { "key": "saveDialogFailed", detail: string, } | { "key": "saveDialogNoPath", detail: string, } | { "key": "notExported", path: string, } | { "key": "noFileManager", path: string, detail: string, } | { "key": "inventoryCancelled" } | { "key": "inventoryRowNotFound", id: string, } | { "key": "invalidEipId", value: string, } | { "key": "invalidEniId", value: string, } | { "key": "invalidInstanceId", value: string, } | { "key": "invalidRunId", value: string, } | { "key": "invalidRegionId", value: string, } | { "key": "runNotFound", id: string, } | { "key": "runBusy", run: string, resource: string, } | { "key": "runOtherProfile", profile: string, } | { "key": "journalDb", detail: string, } | { "key": "journalCorrupt", detail: string, } | { "key": "journalSchema", detail: string, } | { "key": "invalidForm", formProblem: FormProblem, } | { "key": "runPreflight", reasons: Array<ReasonText>, } | { "key": "runUnconfirmed", warnings: Array<UnconfirmedWarning>, } | { "key": "runCannotResume", id: string, runStatus: RunStatus, } | { "key": "runCannotRollBack", id: string, runStatus: RunStatus, } | { "key": "runCannotCancel", id: string, runStatus: RunStatus, } | { "key": "stepStateMismatch", expected: WaitText, seen: SeenText, } | { "key": "stepVerifyFailed", checks: Array<StateCheck>, } | { "key": "stepWaitTimeout", expected: WaitText, seconds: number, seen: SeenText, } | { "key": "accessRuleMissing", what: string, cidr: string, group: string, } | { "key": "accessRuleStillThere", what: string, cidr: string, group: string, } | { "key": "guestNotVerified", detail: string, } | { "key": "guestScriptNoEnd", invokeId: string, seconds: number, status: string, } | { "key": "guestScriptFailed", instance: string, exitCode: number, output: string, } | { "key": "guestScriptStopped", instance: string, seconds: number, output: string, } | { "key": "guestScriptNotRun", instance: string, status: string, errorCode: string, errorInfo: string, } | { "key": "argInvalid", field: string, problem: string, } | { "key": "sandboxFailed", detail: string, } | { "key": "backgroundStopped", detail: string, } | { "key": "dataDirPrivate", path: string, detail: string, } | { "key": "sandboxFallback", name: string, cause: ErrorText, } | { "key": "sandboxFallbackVerbatim", name: string, detail: string, };

export type ErrorWords = { 
/**
 * What went wrong, for the core's own errors that have a message key (an Alibaba Cloud
 * error's `Message` is the cloud's text and stays in `ErrorDto::message`).
 */
message: ErrorText | null, 
/**
 * What the user can do about it.
 */
hint: ErrorHint | null, };

export type ErrorDto = { kind: ErrorKind, 
/**
 * The Alibaba Cloud error code (e.g. `Eni.Attached`) or one of ours (e.g. `InvalidRegionId`).
 */
code: string, 
/**
 * What went wrong, in English; for an Alibaba Cloud error its own `Message`, verbatim.
 */
message: string, requestId: string | null, 
/**
 * What the user can do about it, in English (CLI, logs, the journal).
 */
hint: string | null, 
/**
 * The message and the hint as message keys the window words in its language; absent
 * for errors not catalogued yet (and in journals written before they existed). Boxed,
 * like `recommend`: an `ErrorDto` is the `Err` of every command's `Result`.
 */
words: ErrorWords | null, 
/**
 * Alibaba Cloud's troubleshooting link for a failed call (`Recommend`), verbatim.
 */
recommend: string | null, };

export type AppInfo = { version: string, profileName: string, environment: Environment, defaultRegion: string, };

export type RegionInfo = { id: string, name: string, 
/**
 * Whether cut-through (BINDED) mode is available there.
 */
cutThrough: boolean, };

export type RegionLanguage = "en-US" | "zh-CN" | "ja";

export type ResourceKind = "eip" | "eni" | "instance";

export type ResourceRef = { kind: ResourceKind, id: string, regionId: string, };

export type BindingTarget = "instance" | "eni" | "other";

export type EipBinding = { target: BindingTarget, 
/**
 * The API's `InstanceType` (`EcsInstance`, `NetworkInterface`, `Nat`, …).
 */
targetType: EipTargetType, 
/**
 * The API's `InstanceId`: an instance, an ENI or another resource.
 */
targetId: string, 
/**
 * `NAT`, `BINDED` (cut-through) or `MULTI_BINDED`.
 */
mode: EipMode, 
/**
 * The ENI when bound to one.
 */
eniId: string | null, eniName: string | null, 
/**
 * The ECS instance: the target itself, or the instance the ENI is attached to.
 */
instanceId: string | null, instanceName: string | null, 
/**
 * False when the target is an ENI or instance the inventory did not list.
 */
targetListed: boolean, };

export type EipRow = { allocationId: string, ipAddress: string, 
/**
 * `Available`, `Associating`, `InUse`, `Unassociating` or `Releasing`.
 */
status: EipStatus, regionId: string, name: string, description: string, 
/**
 * `PostPaid` or `PrePaid`.
 */
chargeType: string, 
/**
 * `PayByTraffic` or `PayByBandwidth`.
 */
internetChargeType: string, 
/**
 * Mbit/s, as the API gives it.
 */
bandwidth: string, isp: string, allocationTime: string, 
/**
 * The API's `InstanceId` when bound (an ECS instance, an ENI, …).
 */
instanceId: string | null, 
/**
 * The API's `InstanceType` when bound.
 */
instanceType: EipTargetType | null, 
/**
 * `NAT`, `BINDED` or `MULTI_BINDED` when bound.
 */
mode: EipMode | null, privateIpAddress: string | null, binding: EipBinding | null, 
/**
 * Operation lock reasons (`financial`, `security`, …); empty when unlocked.
 */
lockReasons: Array<string>, 
/**
 * Tags as `key=value` (`key` alone when the value is empty), for filtering by tag.
 */
tags: Array<string>, };

export type EipRef = { allocationId: string, ipAddress: string, 
/**
 * `NAT`, `BINDED` or `MULTI_BINDED`.
 */
mode: EipMode, status: EipStatus, };

export type CutThroughVerdict = "eligible" | "needsDetach" | "active" | "ineligible";

export type CutThroughReasonCode = "primaryEni" | "notSecondary" | "notInVpc" | "regionUnsupported" | "hasEip" | "hasSecondaryIps" | "busy" | "serviceManaged" | "attached";

export type CutThroughText = { "key": "primaryEni" } | { "key": "notSecondary", kind: string, } | { "key": "notInVpc" } | { "key": "regionUnsupported", region: string, } | { "key": "hasEip", ip: string, mode: string, } | { "key": "hasSecondaryIps", count: number, } | { "key": "busy", status: string, } | { "key": "serviceManaged" } | { "key": "attached", instance: string, };

export type CutThroughReason = { code: CutThroughReasonCode, 
/**
 * The English sentence (CLI, logs, CSV).
 */
message: string, 
/**
 * The same as a message key and arguments, for the UI's languages.
 */
text: CutThroughText, 
/**
 * True when it rules cut-through out; false when the workflow can fix it (detach).
 */
blocking: boolean, };

export type CutThroughEligibility = { verdict: CutThroughVerdict, reasons: Array<CutThroughReason>, };

export type EniRow = { networkInterfaceId: string, name: string, description: string, 
/**
 * `Available`, `Attaching`, `InUse`, `Detaching`, `Deleting`.
 */
status: EniStatus, 
/**
 * `Primary` or `Secondary` (or another type the API reports).
 */
eniType: string, regionId: string, zoneId: string, vpcId: string, vpcName: string | null, vswitchId: string, vswitchName: string | null, 
/**
 * Primary private IPv4 address.
 */
privateIpAddress: string, secondaryPrivateIps: Array<string>, macAddress: string, securityGroupIds: Array<string>, 
/**
 * Tags as `key=value` (`key` alone when the value is empty).
 */
tags: Array<string>, creationTime: string, 
/**
 * The instance it is attached to.
 */
instanceId: string | null, instanceName: string | null, 
/**
 * EIPs associated with it (normally at most one).
 */
eips: Array<EipRef>, cutThrough: CutThroughEligibility, };

export type InstanceEni = { networkInterfaceId: string, eniType: string, privateIpAddress: string, 
/**
 * From the ENI listing; `None` when the ENI was not listed.
 */
status: EniStatus | null, eips: Array<EipRef>, };

export type InstanceRow = { instanceId: string, name: string, 
/**
 * `Pending`, `Starting`, `Running`, `Stopping`, `Stopped`.
 */
status: InstanceStatus, regionId: string, zoneId: string, instanceType: string, vpcId: string, vpcName: string | null, vswitchId: string, vswitchName: string | null, 
/**
 * Primary private IPv4 address.
 */
privateIpAddress: string, osName: string, chargeType: string, cpu: number, memoryMib: number, creationTime: string, 
/**
 * The EIP bound to the instance itself (NAT mode).
 */
eip: EipRef | null, 
/**
 * Every ENI attached, primary first.
 */
enis: Array<InstanceEni>, 
/**
 * `EniQuantity` of the instance type; `None` when it could not be looked up.
 */
eniQuota: number | null, 
/**
 * How many more ENIs can be attached; `None` when the quota is unknown.
 */
eniRemaining: number | null, };

export type RegionRows = { regionId: string, eips: Array<EipRow>, enis: Array<EniRow>, instances: Array<InstanceRow>, };

export type LoadRequest = { scope: string, 
/**
 * Cancel loads still running (a new scope or a refresh); false for a region retry.
 */
supersede: boolean, };

export type LoadStarted = { loadId: number, regionIds: Array<string>, startedAt: string, };

export type RegionLoaded = { loadId: number, rows: RegionRows, 
/**
 * What was left out without failing the region (names, ENI quotas).
 */
warnings: Array<string>, loadedAt: string, elapsedMs: number, };

export type RegionFailed = { loadId: number, regionId: string, error: ErrorDto, elapsedMs: number, };

export type LoadSummary = { loadId: number, regionIds: Array<string>, loaded: Array<string>, failed: Array<string>, 
/**
 * Superseded by another load, or the profile changed.
 */
cancelled: boolean, elapsedMs: number, finishedAt: string, };

export type InventoryEvent = { "type": "started" } & LoadStarted | { "type": "regionLoaded" } & RegionLoaded | { "type": "regionFailed" } & RegionFailed | { "type": "finished" } & LoadSummary;

export type InventoryPatch = { regionId: string, 
/**
 * New or changed rows (including rows whose relations changed).
 */
eips: Array<EipRow>, enis: Array<EniRow>, instances: Array<InstanceRow>, 
/**
 * Rows that no longer exist.
 */
removed: Array<ResourceRef>, refreshedAt: string, };

export type CsvExportRequest = { 
/**
 * The table the rows come from (names the suggested file).
 */
table: TableId, headers: Array<string>, rows: Array<Array<string>>, };

export type CsvExportResult = { path: string, rows: number, bytes: number, };

export type RunId = string;

export type TableId = "eips" | "enis" | "instances";

export type RowActionId = "bindEip" | "unbindEip" | "switchMode" | "bindEniCutThrough" | "bindEniNat" | "bindInstance";

export type SheetIntent = "bind" | "unbind" | "switch";

export type SheetPrefill = { regionId: string, intent: SheetIntent, mode: BindMode | null, allocationId: string | null, targetKind: TargetKind | null, targetId: string | null, 
/**
 * The EIP's mode now (unbind and switch).
 */
currentMode: BindMode | null, 
/**
 * Unbinding a cut-through EIP: the instance the ENI goes back to (empty: stay detached).
 */
attachTo: string | null, };

export type RowAction = { id: RowActionId, 
/**
 * The row's main action (shown first and emphasised).
 */
primary: boolean, 
/**
 * Why it cannot run now, in English; `None` when it can. The UI words `why`.
 */
unavailable: string | null, why: ReasonText | null, sheet: SheetPrefill, };

export type ProfileId = string;

export type AuthMode = "accessKey" | "stsToken" | "ramRole" | "sandbox" | "ecsRamRole" | "credentialsUri" | "external" | "oidc";

export type EnvLabel = "production" | "staging" | "test" | "none";

export type RoleSummary = { 
/**
 * Role ARN.
 */
roleArn: string, 
/**
 * Session name.
 */
sessionName: string, 
/**
 * Session duration in seconds.
 */
durationSeconds: number, 
/**
 * External ID, if any.
 */
externalId: string | null, 
/**
 * Source profile id, when the source is another profile.
 */
sourceProfileId: ProfileId | null, 
/**
 * Source profile name, when the source is another profile that exists.
 */
sourceProfileName: string | null, 
/**
 * OIDC provider ARN, for OIDC role profiles.
 */
oidcProviderArn: string | null, 
/**
 * OIDC token file path, for OIDC role profiles.
 */
oidcTokenFile: string | null, };

export type ProfileSummary = { 
/**
 * Stable id.
 */
id: ProfileId, 
/**
 * Display name.
 */
name: string, 
/**
 * Mode.
 */
mode: AuthMode, 
/**
 * Default region.
 */
region: string, 
/**
 * Environment label.
 */
label: EnvLabel, 
/**
 * Colour of the label (`red` for production).
 */
labelColor: string, 
/**
 * Masked AccessKey ID.
 */
accessKeyIdMasked: string | null, 
/**
 * Account ID from the last connection test.
 */
accountId: string | null, 
/**
 * STS token expiry (RFC 3339), for StsToken profiles when known.
 */
stsExpiration: string | null, 
/**
 * RAM role details.
 */
role: RoleSummary | null, 
/**
 * True for the active profile.
 */
active: boolean, 
/**
 * True for the built-in Sandbox (cannot be deleted or renamed).
 */
builtin: boolean, 
/**
 * Last switch (RFC 3339).
 */
lastUsed: string | null, 
/**
 * Number of switches.
 */
useCount: number, 
/**
 * The import candidate it was created from, if imported.
 */
importedFrom: string | null, 
/**
 * The endpoint every call goes to, when set.
 */
endpoint: string | null, };

export type NewRoleSource = { "kind": "profile", 
/**
 * Its id.
 */
profileId: ProfileId, } | { "kind": "accessKey", 
/**
 * AccessKey ID.
 */
accessKeyId: string, 
/**
 * AccessKey secret.
 */
accessKeySecret: string, };

export type NewCredentials = { "mode": "accessKey", 
/**
 * AccessKey ID.
 */
accessKeyId: string, 
/**
 * AccessKey secret.
 */
accessKeySecret: string, } | { "mode": "stsToken", 
/**
 * STS AccessKey ID (`STS.…`).
 */
accessKeyId: string, 
/**
 * STS AccessKey secret.
 */
accessKeySecret: string, 
/**
 * Security token.
 */
securityToken: string, 
/**
 * Expiry, if known (RFC 3339).
 */
expiration: string | null, } | { "mode": "ramRole", 
/**
 * Where the credentials that assume the role come from.
 */
source: NewRoleSource, 
/**
 * Role ARN.
 */
roleArn: string, 
/**
 * Session name.
 */
sessionName: string, 
/**
 * Duration (default 3600).
 */
durationSeconds: number | null, 
/**
 * External ID.
 */
externalId: string | null, } | { "mode": "ecsRamRole", 
/**
 * Role name (`None`: the attached role).
 */
roleName: string | null, 
/**
 * Metadata service URL (`None`: the real one).
 */
metadataEndpoint: string | null, } | { "mode": "credentialsUri", 
/**
 * The URI.
 */
uri: string, } | { "mode": "external", 
/**
 * Program and arguments.
 */
command: string, } | { "mode": "oidc", 
/**
 * OIDC provider ARN.
 */
oidcProviderArn: string, 
/**
 * Absolute path of the token file.
 */
oidcTokenFile: string, 
/**
 * Role ARN.
 */
roleArn: string, 
/**
 * Session name.
 */
sessionName: string, 
/**
 * Duration (default 3600).
 */
durationSeconds: number | null, };

export type NewProfile = { 
/**
 * Display name (unique).
 */
name: string, 
/**
 * Default region, e.g. `cn-hangzhou`.
 */
region: string, 
/**
 * Environment label.
 */
label: EnvLabel, 
/**
 * Mode and credentials.
 */
credentials: NewCredentials, };

export type RoleSourceEdit = { "kind": "profile", 
/**
 * Its id.
 */
profileId: ProfileId, } | { "kind": "accessKey", 
/**
 * AccessKey ID.
 */
accessKeyId: string | null, 
/**
 * AccessKey secret.
 */
accessKeySecret: string | null, };

export type CredentialsEdit = { "mode": "accessKey", 
/**
 * New AccessKey ID.
 */
accessKeyId: string | null, 
/**
 * New secret (required when the ID changes).
 */
accessKeySecret: string | null, } | { "mode": "stsToken", 
/**
 * New STS AccessKey ID.
 */
accessKeyId: string | null, 
/**
 * New secret.
 */
accessKeySecret: string | null, 
/**
 * New token.
 */
securityToken: string | null, 
/**
 * New expiry; with a new token, `None` means unknown.
 */
expiration: string | null, } | { "mode": "ramRole", 
/**
 * New source.
 */
source: RoleSourceEdit | null, 
/**
 * New role ARN.
 */
roleArn: string | null, 
/**
 * New session name.
 */
sessionName: string | null, 
/**
 * New duration.
 */
durationSeconds: number | null, 
/**
 * New external ID (`""` clears it).
 */
externalId: string | null, };

export type ProfileEdit = { 
/**
 * New name.
 */
name: string | null, 
/**
 * New default region.
 */
region: string | null, 
/**
 * New label.
 */
label: EnvLabel | null, 
/**
 * New mode and/or credentials.
 */
credentials: CredentialsEdit | null, };

export type ConnectionReport = { 
/**
 * The account the credentials belong to.
 */
accountId: string, 
/**
 * `Account`, `RAMUser` or `AssumedRoleUser`.
 */
identityType: string, 
/**
 * The caller's ARN; for a RAM role profile, the assumed-role ARN.
 */
arn: string, 
/**
 * The RAM user id, for RAM users.
 */
userId: string | null, 
/**
 * The role id, for assumed roles.
 */
roleId: string | null, 
/**
 * When the temporary credentials expire (STS token and RAM role profiles), RFC 3339.
 */
credentialsExpire: string | null, 
/**
 * `RequestId` of the `GetCallerIdentity` call.
 */
requestId: string, };

export type FieldReason = { "key": "enterName" } | { "key": "nameTooLong", max: number, } | { "key": "nameControl" } | { "key": "nameInvisible" } | { "key": "regionUnknown", region: string, } | { "key": "regionShape" } | { "key": "enterKeyId" } | { "key": "keyIdShape" } | { "key": "enterValue" } | { "key": "singleLine" } | { "key": "secretSpaces" } | { "key": "commandShape" } | { "key": "roleNameShape" } | { "key": "urlShape" } | { "key": "roleArnShape" } | { "key": "oidcProviderArnShape" } | { "key": "tokenFileEnter" } | { "key": "tokenFileAbsolute" } | { "key": "tokenFileNotFile" } | { "key": "tokenFileMissing" } | { "key": "sessionNameShape" } | { "key": "durationRange", min: number, max: number, } | { "key": "externalIdShape" } | { "key": "enterToken" } | { "key": "enterNewSecret" } | { "key": "enterSecret" } | { "key": "chooseSource" } | { "key": "enterRoleArn" } | { "key": "enterSessionName" } | { "key": "sourceMissing" } | { "key": "sandboxNotSource" };

export type FieldLabel = { "key": "name" } | { "key": "region" } | { "key": "accessKeyId" } | { "key": "accessKeySecret" } | { "key": "securityToken" } | { "key": "expiration" } | { "key": "roleArn" } | { "key": "sessionName" } | { "key": "durationSeconds" } | { "key": "externalId" } | { "key": "source" } | { "key": "sourceAccessKeyId" } | { "key": "sourceAccessKeySecret" } | { "key": "endpoint" } | { "key": "roleName" } | { "key": "metadataEndpoint" } | { "key": "uri" } | { "key": "command" } | { "key": "oidcProviderArn" } | { "key": "oidcTokenFile" } | { "key": "other", name: string, };

export type JsonKind = { "key": "null" } | { "key": "boolean" } | { "key": "number" } | { "key": "string" } | { "key": "list" } | { "key": "object" } | { "key": "fraction" } | { "key": "text" };

export type FileProblem = { "key": "jsonEof" } | { "key": "jsonSyntax" } | { "key": "jsonData" } | { "key": "readError" } | { "key": "topLevelNotObject" } | { "key": "profilesNotList" } | { "key": "noProfilesList" } | { "key": "iniHeaderBracket" } | { "key": "iniEmptySection" } | { "key": "iniExpected" } | { "key": "iniEmptyKey" } | { "key": "notUtf8", offset: number, };

export type ImportReason = { "key": "entryNotObject", position: number, jsonKind: JsonKind, } | { "key": "noName" } | { "key": "invalidName", fieldReason: FieldReason, } | { "key": "duplicateEntries", name: string, first: string, last: string, } | { "key": "duplicateSection", name: string, first: string, last: string, } | { "key": "notAString", setting: string, jsonKind: JsonKind, } | { "key": "notAWholeNumber", setting: string, jsonKind: JsonKind, } | { "key": "notSet", setting: string, } | { "key": "invalidSetting", setting: string, fieldReason: FieldReason, } | { "key": "invalidRole", fieldReason: FieldReason, } | { "key": "noRoleArn" } | { "key": "durationOutside", seconds: bigint, min: number, max: number, } | { "key": "stsTokenRoleSource" } | { "key": "envStsTokenRole" } | { "key": "ecsRoleSource" } | { "key": "rsaKeyPair" } | { "key": "cloudSso" } | { "key": "oAuth" } | { "key": "bearerToken" } | { "key": "anonymous" } | { "key": "noMode" } | { "key": "unknownMode" } | { "key": "noType" } | { "key": "unknownType" } | { "key": "disabled" } | { "key": "sessionPolicy" } | { "key": "sourceNotInFile", source: string, } | { "key": "sourceChainLoops" } | { "key": "sourceNotImportable", source: string, } | { "key": "sourceChainLonger", max: number, } | { "key": "sourceChainTooLong" };

export type ImportNote = { "key": "invalidRegion", region: string, fallback: string, } | { "key": "noRegion", fallback: string, } | { "key": "noSessionName", fallback: string, };

export type SourceKind = "aliyunCli" | "credentialsFile" | "environment";

export type ImportCandidate = { 
/**
 * Selection key (`aliyun-cli:<name>`, `credentials-file:<section>`, `env:environment`).
 */
key: string, 
/**
 * Source.
 */
source: SourceKind, 
/**
 * Name in the source.
 */
name: string, 
/**
 * Mode or type as the source writes it (`AK`, `ram_role_arn`, …).
 */
sourceMode: string, 
/**
 * Mode the profile would get.
 */
mode: AuthMode | null, 
/**
 * Region the profile would get.
 */
region: string, 
/**
 * Masked AccessKey ID.
 */
accessKeyIdMasked: string | null, 
/**
 * Role ARN, for roles.
 */
roleArn: string | null, 
/**
 * Source profile name in the same file, for chained roles.
 */
sourceProfile: string | null, 
/**
 * Whether it can be imported.
 */
importable: boolean, 
/**
 * Why not (code), e.g. `import.mode_unsupported`.
 */
reasonCode: string | null, 
/**
 * Why not, in English (the CLI).
 */
reason: string | null, 
/**
 * Why not, as a message key (the window words it).
 */
reasonText: ImportReason | null, 
/**
 * Defaults that will be applied, in English.
 */
notes: Array<string>, 
/**
 * Defaults that will be applied, as message keys.
 */
noteTexts: Array<ImportNote>, 
/**
 * Name of the profile an earlier import created from it (same source, name and
 * AccessKey ID); the import skips it unless asked again.
 */
alreadyImported: string | null, };

export type SourceStatus = "found" | "missing" | "error";

export type SourceProblem = { 
/**
 * Stable code, e.g. `import.malformed`.
 */
code: string, 
/**
 * What is wrong (never a secret).
 */
message: string, 
/**
 * What is wrong, as a message key.
 */
text: ErrorText | null, 
/**
 * What to do, in English.
 */
hint: string, 
/**
 * What to do, as a message key.
 */
hintText: ErrorHint, };

export type SourceReport = { 
/**
 * Which source.
 */
kind: SourceKind, 
/**
 * Its file, for file sources.
 */
path: string | null, 
/**
 * Found, missing or error.
 */
status: SourceStatus, 
/**
 * The problem, when `status` is `error`.
 */
error: SourceProblem | null, 
/**
 * Profiles found.
 */
candidates: Array<ImportCandidate>, };

export type ScanReport = { 
/**
 * One entry per configured source.
 */
sources: Array<SourceReport>, };

export type ImportSelection = { 
/**
 * Candidate key from the scan.
 */
key: string, 
/**
 * Name to give it (default: its name in the source, made unique).
 */
name: string | null, 
/**
 * Environment label (default: none).
 */
label: EnvLabel | null, 
/**
 * Import it even though an earlier import created it (default: skip it).
 */
again: boolean, };

export type ImportedProfile = { 
/**
 * Candidate key.
 */
key: string, 
/**
 * The new profile.
 */
profile: ProfileSummary, 
/**
 * True when it was not selected but is the source of a selected chained role.
 */
autoIncluded: boolean, };

export type ImportSkipped = { 
/**
 * Candidate key.
 */
key: string, 
/**
 * The existing profile's name.
 */
profileName: string, };

export type ImportFailure = { 
/**
 * Candidate key.
 */
key: string, 
/**
 * Stable code, e.g. `import.mode_unsupported`.
 */
code: string, 
/**
 * What is wrong (never a secret).
 */
message: string, 
/**
 * What is wrong, as a message key.
 */
text: ErrorText | null, 
/**
 * What to do, in English.
 */
hint: string, 
/**
 * What to do, as a message key.
 */
hintText: ErrorHint, };

export type ImportReport = { 
/**
 * Created profiles, sources before the roles that use them.
 */
imported: Array<ImportedProfile>, 
/**
 * Selections an earlier import already created.
 */
skipped: Array<ImportSkipped>, 
/**
 * Selections that could not be imported, with why.
 */
failed: Array<ImportFailure>, };

export type FieldChange = { 
/**
 * The JSON key, e.g. `access_key_secret`.
 */
field: string, 
/**
 * The value now (`null` when absent).
 */
before: string | null, 
/**
 * The value after the change (`null` when absent).
 */
after: string | null, };

export type SetupPreview = { 
/**
 * The file.
 */
path: string, 
/**
 * Fingerprint of the file as previewed; [`apply`] needs it.
 */
fingerprint: string, 
/**
 * The file does not exist yet and will be created (with this entry as `current`).
 */
createsFile: boolean, 
/**
 * The aliyun CLI profile name (`aliyun --profile NAME …`).
 */
cliProfile: string, 
/**
 * The command the aliyun CLI will run.
 */
processCommand: string, 
/**
 * The entry exactly as it will be written.
 */
entry: string, 
/**
 * The entry is already there; nothing will be written.
 */
alreadySetUp: boolean, };

export type SetupReport = { 
/**
 * The file.
 */
path: string, 
/**
 * The backup of the file as it was (none when it was created or left alone).
 */
backup: string | null, 
/**
 * The aliyun CLI profile name.
 */
cliProfile: string, 
/**
 * Whether the file was written.
 */
written: boolean, };

export type MoveReason = { "key": "stsToken" } | { "key": "noAccessKey" } | { "key": "notImportable", importReason: ImportReason, } | { "key": "notInFile" } | { "key": "importFailed", cause: ErrorText, } | { "key": "importFailedVerbatim", detail: string, } | { "key": "notImported" };

export type MoveCandidate = { 
/**
 * Its name in `config.json` (what [`apply`] takes).
 */
cliProfile: string, 
/**
 * Its mode as the file writes it.
 */
mode: string, 
/**
 * Masked AccessKey ID.
 */
accessKeyIdMasked: string | null, 
/**
 * Whether it can be moved.
 */
movable: boolean, 
/**
 * Why not, in English.
 */
reason: string | null, 
/**
 * Why not, as a message key (the window words it).
 */
reasonText: MoveReason | null, 
/**
 * The EIP Desk profile it will use: one an earlier import created, or the new one.
 */
deskProfile: string | null, 
/**
 * Whether that EIP Desk profile exists already (nothing is added to the keychain).
 */
alreadyInDesk: boolean, 
/**
 * The changes to its entry (secrets masked).
 */
changes: Array<FieldChange>, };

export type MovePreview = { 
/**
 * The file.
 */
path: string, 
/**
 * Fingerprint of the file as previewed ([`ABSENT`](super::ABSENT) when missing).
 */
fingerprint: string, 
/**
 * Every profile holding an AccessKey secret, in file order.
 */
candidates: Array<MoveCandidate>, };

export type MovedProfile = { 
/**
 * Its name in `config.json`.
 */
cliProfile: string, 
/**
 * The EIP Desk profile holding its key now.
 */
deskProfile: string, 
/**
 * Whether that profile was created now (else an earlier import created it).
 */
created: boolean, 
/**
 * The entry's new `process_command`.
 */
processCommand: string, };

export type NotMoved = { 
/**
 * Its name in `config.json`.
 */
cliProfile: string, 
/**
 * Why, in English.
 */
reason: string, 
/**
 * Why, as a message key (the window words it).
 */
reasonText: MoveReason, };

export type MoveReport = { 
/**
 * The file.
 */
path: string, 
/**
 * The backup of the file as it was (none when nothing was written).
 */
backup: string | null, 
/**
 * Moved profiles.
 */
moved: Array<MovedProfile>, 
/**
 * Selected profiles left as they were, with why.
 */
notMoved: Array<NotMoved>, };

export type ConfigBackup = { 
/**
 * Its file name (what [`restore`] takes).
 */
name: string, 
/**
 * Its size in bytes.
 */
bytes: bigint, };

export type BackupList = { 
/**
 * The file.
 */
path: string, 
/**
 * Fingerprint of the file now.
 */
fingerprint: string, 
/**
 * Newest first.
 */
backups: Array<ConfigBackup>, };

export type RestoreReport = { 
/**
 * The file.
 */
path: string, 
/**
 * The backup put back.
 */
restoredFrom: string, 
/**
 * Where the replaced file was saved (none when there was no file).
 */
previousSavedAs: string | null, };

export type DeskProfile = { 
/**
 * Calls of this profile go to the built-in Sandbox emulator instead of Alibaba Cloud
 * (an advanced option for trying real-looking profiles; always true for the Sandbox).
 */
sandboxEndpoint: boolean, 
/**
 * When the current role session (the temporary credentials of its last AssumeRole)
 * expires, once the profile has been used in this run of the app (RFC 3339).
 */
sessionExpires: string | null, 
/**
 * That session has expired (a new one is requested at the next call).
 */
sessionExpired: boolean, 
/**
 * Stable id.
 */
id: ProfileId, 
/**
 * Display name.
 */
name: string, 
/**
 * Mode.
 */
mode: AuthMode, 
/**
 * Default region.
 */
region: string, 
/**
 * Environment label.
 */
label: EnvLabel, 
/**
 * Colour of the label (`red` for production).
 */
labelColor: string, 
/**
 * Masked AccessKey ID.
 */
accessKeyIdMasked: string | null, 
/**
 * Account ID from the last connection test.
 */
accountId: string | null, 
/**
 * STS token expiry (RFC 3339), for StsToken profiles when known.
 */
stsExpiration: string | null, 
/**
 * RAM role details.
 */
role: RoleSummary | null, 
/**
 * True for the active profile.
 */
active: boolean, 
/**
 * True for the built-in Sandbox (cannot be deleted or renamed).
 */
builtin: boolean, 
/**
 * Last switch (RFC 3339).
 */
lastUsed: string | null, 
/**
 * Number of switches.
 */
useCount: number, 
/**
 * The import candidate it was created from, if imported.
 */
importedFrom: string | null, 
/**
 * The endpoint every call goes to, when set.
 */
endpoint: string | null, };

export type Environment = "production" | "staging" | "test" | "none" | "sandbox";

export type ActiveProfile = { profile: DeskProfile, environment: Environment, generation: bigint, 
/**
 * Set when the app fell back to the Sandbox because the profile it should have used
 * could not be opened (keychain locked, item missing, …): what happened and what to do.
 */
notice: ErrorDto | null, };

export type KeychainState = { available: boolean, 
/**
 * Why not (code `keychain.locked`, `keychain.no_provider`, …) and what to do.
 */
error: ErrorDto | null, };

export type ProfilesOverview = { 
/**
 * Recent and frequent first.
 */
profiles: Array<DeskProfile>, active: ActiveProfile, keychain: KeychainState, 
/**
 * Set when `profiles.toml` could not be read: only the Sandbox is available.
 */
storeError: ErrorDto | null, };

export type JobKind = "cutThroughBind" | "cutThroughUnbind" | "natBind" | "natUnbind" | "switchMode" | "allocateEip" | "releaseEip" | "renameEip" | "setEipBandwidth" | "createEni" | "deleteEni" | "attachEni" | "detachEni" | "renameEni" | "addTags" | "removeTags" | "createAndBind";

export type TargetKind = "networkInterface" | "ecsInstance";

export type BindMode = "NAT" | "BINDED";

export type BindForm = { 
/**
 * The region the EIP is in (the form's region scope).
 */
regionId: string, job: JobKind | null, allocationId: string, 
/**
 * `networkInterface` or `ecsInstance` (NAT mode only).
 */
targetKind: TargetKind | null, 
/**
 * The ENI or instance ID.
 */
targetId: string | null, 
/**
 * Cut-through: the instance the ENI is attached to afterwards; empty = leave detached.
 * Unbind cut-through: the instance it is re-attached to.
 */
attachTo: string | null, 
/**
 * Switch mode: the new mode.
 */
mode: BindMode | null, 
/**
 * Cut-through bind: configure and verify the guest OS through Cloud Assistant.
 */
guest?: GuestChoice, 
/**
 * Cut-through bind: open the login port and ICMP to this source CIDR for the run's binding.
 */
remoteAccess?: RemoteAccess, };

export type GuestChoice = { 
/**
 * Configure and verify the guest through Cloud Assistant. `None`: on, except on a
 * production profile, where it must be asked for.
 */
configure?: boolean, 
/**
 * The default-route metric to give the new NIC (lower = preferred), if any.
 */
routeMetric?: number, };

export type RemoteAccess = { 
/**
 * e.g. `203.0.113.0/24`.
 */
sourceCidr: string, 
/**
 * Must be true to open to `0.0.0.0/0` (the whole Internet).
 */
allowAnywhere?: boolean, };

export type Confirmations = { 
/**
 * Codes of the warnings ticked.
 */
accepted: Array<string>, 
/**
 * What was typed in the "type the ID" box.
 */
typed: string | null, };

export type ChoiceDetail = { "key": "eipBound", status: string, mode: string, target: string, targetType: string, } | { "key": "eipFree", status: string, chargeType: string, } | { "key": "eni", status: string, eniType: string, ip: string, zone: string, } | { "key": "eniAttached", status: string, eniType: string, ip: string, instance: string, zone: string, } | { "key": "instance", status: string, used: number, quota: number, instanceType: string, zone: string, } | { "key": "instanceCapacityUnknown", status: string, used: number, instanceType: string, zone: string, };

export type Choice = { id: string, 
/**
 * Name or IP, for the option label.
 */
label: string, 
/**
 * Status and relations, for the option's second line, worded by the UI.
 */
detailText: ChoiceDetail, 
/**
 * Why it cannot be chosen (`None`: it can), in English; the UI words `disabled`.
 */
disabledReason: string | null, disabled: ReasonText | null, reasonCode: string | null, 
/**
 * For network interfaces: the instance it is attached to (the form's default for
 * "attach afterwards to").
 */
attachedTo: string | null, 
/**
 * For EIPs: the mode of their binding (`NAT`, `BINDED`, …), if bound.
 */
mode: string | null, };

export type BindOptions = { eips: Array<Choice>, 
/**
 * Network interfaces (cut-through, or NAT to an ENI).
 */
enis: Array<Choice>, 
/**
 * Instances (where the ENI goes afterwards, or NAT targets).
 */
instances: Array<Choice>, 
/**
 * Why cut-through is not offered in this region (`None`: it is).
 */
cutThroughUnavailable: Blocker | null, };

export type Blocker = { "key": "eipNotFound", eip: string, } | { "key": "eniNotFound", eni: string, } | { "key": "instanceNotFound", instance: string, } | { "key": "regionNotCutThrough", region: string, } | { "key": "eipNotAvailable", eip: string, status: string, } | { "key": "eipAlreadyBound", eip: string, instance: string, } | { "key": "eipNotBound", eip: string, } | { "key": "eipBusy", eip: string, status: string, } | { "key": "eipNotCutThrough", eip: string, mode: string, } | { "key": "eipIsCutThrough", eip: string, } | { "key": "eipNotOnEni", eip: string, instanceType: string, } | { "key": "eipAlreadyInMode", eip: string, mode: string, } | { "key": "eniNotSecondary", eni: string, } | { "key": "eniNotPlainSecondary", eni: string, eniType: string, } | { "key": "eniNotInVpc", eni: string, } | { "key": "eniRegionMismatch", eni: string, eniRegion: string, eipRegion: string, } | { "key": "eniHasEip", eni: string, allocationId: string, ip: string, } | { "key": "eniHasSecondaryIps", eni: string, count: number, } | { "key": "eniServiceManaged", eni: string, } | { "key": "eniBusy", eni: string, status: string, } | { "key": "instanceRegionMismatch", instance: string, instanceRegion: string, eipRegion: string, } | { "key": "instanceNotInVpc", instance: string, } | { "key": "instanceVpcMismatch", instance: string, instanceVpc: string, eniVpc: string, } | { "key": "instanceZoneMismatch", instance: string, instanceZone: string, eniZone: string, } | { "key": "instanceNotReady", instance: string, status: string, } | { "key": "instanceEniQuotaFull", instance: string, instanceType: string, attached: number, quota: number, } | { "key": "instanceHasEip", instance: string, allocationId: string, ip: string, };

export type TextField = "name" | "description";

export type LifecycleBlocker = { "key": "notABindingJob" } | { "key": "nothingChosen" } | { "key": "tooManyResources", count: number, max: number, } | { "key": "eipNotFound", eip: string, } | { "key": "eniNotFound", eni: string, } | { "key": "instanceNotFound", instance: string, } | { "key": "vSwitchNotFound", vswitch: string, } | { "key": "securityGroupNotFound", group: string, } | { "key": "securityGroupOtherVpc", group: string, groupVpc: string, vpc: string, } | { "key": "securityGroupCount", vpc: string, } | { "key": "eipBound", eip: string, target: string, } | { "key": "eipBoundCutThrough", eip: string, target: string, } | { "key": "subscriptionNotReleasable", eip: string, } | { "key": "eipBusy", eip: string, status: string, } | { "key": "bandwidthOutOfRange", value: number, min: number, max: number, billing: Billing, } | { "key": "bandwidthUnchanged", eip: string, value: number, } | { "key": "subscriptionPeriod" } | { "key": "unknownIsp", isp: string, } | { "key": "textTooLong", field: TextField, max: number, } | { "key": "textLength", field: TextField, min: number, max: number, } | { "key": "nothingToChange" } | { "key": "eniIsPrimaryDelete", eni: string, } | { "key": "eniIsPrimaryMove", eni: string, } | { "key": "eniIsPrimaryDetach", eni: string, } | { "key": "eniAttached", eni: string, instance: string, } | { "key": "eniHoldsEip", eni: string, eip: string, ip: string, } | { "key": "eniBusy", eni: string, status: string, } | { "key": "eniAlreadyAttached", eni: string, instance: string, } | { "key": "eniNotOnInstance", eni: string, instance: string, } | { "key": "eniCapacityReached", instance: string, instanceType: string, attached: number, quota: number, } | { "key": "ipMalformed", ip: string, } | { "key": "ipOutsideVSwitch", ip: string, cidr: string, } | { "key": "ipReserved", ip: string, cidr: string, } | { "key": "ipTaken", ip: string, holder: string, } | { "key": "vSwitchFull", vswitch: string, } | { "key": "tagKeyInvalid", tag: string, } | { "key": "tagValueInvalid", value: string, } | { "key": "tagKeyDuplicated", tag: string, } | { "key": "tooManyTags", resource: string, count: number, };

export type WhyText = { "key": "busy", run: string, } | { "key": "eipNotFree", status: string, } | { "key": "eipAlreadyBound", status: string, } | { "key": "eipNotBound" } | { "key": "notOnEni" } | { "key": "hasCutThroughEip" } | { "key": "eniHasEip" } | { "key": "instanceHasEip", ip: string, };

export type ReasonText = { "family": "binding", "text": Blocker } | { "family": "lifecycle", "text": LifecycleBlocker } | { "family": "cutThrough", "text": CutThroughText } | { "family": "why", "text": WhyText };

export type ReasonView = { code: string, 
/**
 * The English (logs, tests); the UI words `text`.
 */
message: string, text: ReasonText, };

export type WarningText = { "key": "losesPrivateNetworking", eni: string, } | { "key": "prePaidEip", eip: string, } | { "key": "disruptive" } | { "key": "productionProfile", profile: string, confirmId: string, } | { "key": "productionResource", profile: string, confirmId: string, };

export type WarningView = { code: string, 
/**
 * The English (logs, tests); the UI words `text`.
 */
message: string, text: WarningText, 
/**
 * Set when the user confirms by typing this text (otherwise by ticking a box).
 */
confirmText: string | null, };

export type UnconfirmedWarning = { text: WarningText, impact: Array<ImpactText>, };

export type FormProblem = { "key": "chooseJob" } | { "key": "chooseTargetEni" } | { "key": "chooseTargetAny" } | { "key": "chooseMode" } | { "key": "notABindJob", job: JobKind, } | { "key": "isBindJob", job: JobKind, } | { "key": "chooseTagTargets" } | { "key": "chooseEips" } | { "key": "chooseEnis" } | { "key": "chooseInstance" } | { "key": "needPeriod" } | { "key": "chooseEip" } | { "key": "needBandwidth" } | { "key": "chooseVswitch" } | { "key": "chooseEni" } | { "key": "needTag" } | { "key": "needTagKey" } | { "key": "notCidr", cidr: string, } | { "key": "openToAll" };

export type SeenText = { "key": "eniDetached", eniStatus: string, } | { "key": "eniOn", eniStatus: string, instance: string, } | { "key": "eipFree", status: string, } | { "key": "eipOn", status: string, mode: string, instance: string, } | { "key": "missing" } | { "key": "verbatim", seen: string, };

export type StateCheck = { "key": "mismatch", expected: WaitText, seen: SeenText, };

export type ParamView = { name: string, value: string, };

export type ImpactKind = "publicIp" | "privateNetworking" | "nic";

export type ImpactLasts = "duringRun" | "afterRun";

export type ImpactText = { "key": "nicDuringRun", instance: string, eni: string, } | { "key": "nicMoves", instance: string, eni: string, to: string, } | { "key": "nicStaysDetached", instance: string, eni: string, } | { "key": "publicIpDuringRun", target: string, address: string, } | { "key": "publicIpAfterRun", target: string, address: string, } | { "key": "publicIpDuringRunUnnamed", target: string, } | { "key": "publicIpAfterRunUnnamed", target: string, } | { "key": "privateNetworking", target: string, };

export type ImpactItem = { kind: ImpactKind, 
/**
 * The instance or ENI that loses connectivity.
 */
resource: string, lasts: ImpactLasts, 
/**
 * The English of `text`, e.g. "i-… loses its NIC eni-… while the job runs; …".
 */
message: string, 
/**
 * What the user reads, worded by the UI.
 */
text: ImpactText, };

export type StepTitle = { "key": "detachEni", eni: string, instance: string, } | { "key": "attachEni", eni: string, instance: string, } | { "key": "bind", eip: string, target: string, mode: string, } | { "key": "unbind", eip: string, target: string, } | { "key": "switchMode", eip: string, mode: string, } | { "key": "verify" } | { "key": "allowRule", protocol: string, ports: string, cidr: string, group: string, } | { "key": "allowPing", cidr: string, group: string, } | { "key": "removeRule", protocol: string, ports: string, cidr: string, group: string, } | { "key": "removePing", cidr: string, group: string, } | { "key": "guestConfigure", mac: string, instance: string, } | { "key": "guestVerify", ip: string, mac: string, instance: string, } | { "key": "guestRevert", mac: string, instance: string, } | { "key": "allocateEip", billing: string, bandwidth: number, } | { "key": "releaseEip", eip: string, } | { "key": "setBandwidth", eip: string, bandwidth: number, } | { "key": "renameEip", eip: string, } | { "key": "createEni", vswitch: string, } | { "key": "deleteEni", eni: string, } | { "key": "renameEni", eni: string, } | { "key": "tagOne", id: string, tags: string, } | { "key": "tagMany", first: string, more: number, tags: string, } | { "key": "untagOne", id: string, keys: string, } | { "key": "untagMany", first: string, more: number, keys: string, };

export type StepEffect = { "key": "detachEni", instance: string, } | { "key": "attachEni", instance: string, } | { "key": "bindCutThrough" } | { "key": "bindCutThroughIp", ip: string, } | { "key": "bindNat" } | { "key": "unbindCutThrough" } | { "key": "unbindNat" } | { "key": "switchMode", mode: string, apiMode: string, } | { "key": "verify", checks: Array<WaitText>, } | { "key": "allowRule", group: string, cidr: string, protocol: string, ports: string, } | { "key": "allowPing", group: string, cidr: string, } | { "key": "removeRule" } | { "key": "guestConfigure", os: string, } | { "key": "guestConfigureMetric", os: string, metric: number, } | { "key": "guestVerify", ip: string, } | { "key": "guestRevert" } | { "key": "allocateEip", billing: string, } | { "key": "allocateEipSubscription" } | { "key": "releaseEip" } | { "key": "modifyEip" } | { "key": "createEni", vswitch: string, } | { "key": "createEniIp", vswitch: string, ip: string, } | { "key": "deleteEni" } | { "key": "modifyEni" } | { "key": "tag" } | { "key": "untag" };

export type WaitText = { "key": "eniAttached", eni: string, instance: string, } | { "key": "eniAvailable", eni: string, } | { "key": "eipBound", eip: string, mode: string, } | { "key": "eipAvailable", eip: string, } | { "key": "eipReleased", eip: string, } | { "key": "eniDeleted", eni: string, } | { "key": "newAttributes", id: string, } | { "key": "taggedOne", id: string, tags: string, } | { "key": "taggedMany", first: string, more: number, tags: string, } | { "key": "untaggedOne", id: string, keys: string, } | { "key": "untaggedMany", first: string, more: number, keys: string, } | { "key": "script", invokeId: string, instance: string, };

export type RunSummary = { "key": "eip", eip: string, ip: string, } | { "key": "bind", eip: string, ip: string, target: string, mode: string, } | { "key": "bindOn", eip: string, ip: string, target: string, mode: string, instance: string, } | { "key": "unbind", eip: string, ip: string, target: string, mode: string, } | { "key": "unbindOn", eip: string, ip: string, target: string, mode: string, instance: string, } | { "key": "switch", eip: string, ip: string, eni: string, mode: string, } | { "key": "switchOn", eip: string, ip: string, eni: string, mode: string, instance: string, } | { "key": "allocateEip", billing: string, bandwidth: number, } | { "key": "releaseOne", id: string, } | { "key": "releaseMany", count: number, } | { "key": "renameOne", id: string, } | { "key": "renameMany", count: number, } | { "key": "setBandwidth", eip: string, bandwidth: number, } | { "key": "createEni", vswitch: string, } | { "key": "deleteOne", id: string, } | { "key": "deleteMany", count: number, } | { "key": "attach", eni: string, instance: string, } | { "key": "detach", eni: string, instance: string, } | { "key": "tagOne", id: string, } | { "key": "tagMany", count: number, } | { "key": "untagOne", id: string, } | { "key": "untagMany", count: number, } | { "key": "createAndBind", eip: string, eni: string, instance: string, };

export type PlanNote = { "key": "reattachesSame", eni: string, instance: string, } | { "key": "moves", eni: string, from: string, to: string, } | { "key": "leavesDetached", eni: string, instance: string, } | { "key": "attachesAtEnd", eni: string, instance: string, } | { "key": "staysDetached", eni: string, } | { "key": "enableDhcp" } | { "key": "privateIpBack", eni: string, ip: string, } | { "key": "prepaidUnbind", eip: string, eni: string, } | { "key": "switchToCutThrough", instance: string, ip: string, eni: string, } | { "key": "switchToCutThroughUnattached", ip: string, eni: string, } | { "key": "switchedToCutThrough", instance: string, ip: string, eni: string, } | { "key": "switchedToCutThroughUnattached", ip: string, eni: string, } | { "key": "switchToNat", instance: string, ip: string, eni: string, } | { "key": "switchToNatUnattached", ip: string, eni: string, } | { "key": "switchedToNat", instance: string, ip: string, eni: string, } | { "key": "switchedToNatUnattached", ip: string, eni: string, } | { "key": "guestManualProduction" } | { "key": "guestManualChosen" } | { "key": "guestOsUnsupported", instance: string, os: string, } | { "key": "guestConfigured", mac: string, instance: string, ip: string, } | { "key": "guestRevert", run: string, mac: string, instance: string, } | { "key": "guestRevertElsewhereLinux", run: string, mac: string, instance: string, } | { "key": "guestRevertElsewhereWindows", run: string, mac: string, instance: string, } | { "key": "accessAdded", first: string, second: string, cidr: string, group: string, eni: string, } | { "key": "accessAddedUnknownEni", first: string, second: string, cidr: string, group: string, } | { "key": "accessRevoked", rules: string, } | { "key": "noRemoteAccess", eni: string, groups: string, count: number, } | { "key": "securityGroupsUnreadable", eni: string, code: string, } | { "key": "billingStarts", billing: Billing, } | { "key": "subscriptionLocked" } | { "key": "bandwidthRange", billing: Billing, min: number, max: number, current: number, } | { "key": "eniCapacity", instance: string, instanceType: string, quota: number, attached: number, } | { "key": "eniCapacityUnknown", instance: string, instanceType: string, attached: number, } | { "key": "undoesOnFailure" } | { "key": "releasedInTurn" } | { "key": "eniCreatedIn", vpc: string, zone: string, };

export type PlanStepView = { title: StepTitle, effect: StepEffect, 
/**
 * `ecs` or `vpc`.
 */
product: string, 
/**
 * The API action, `None` for the verification.
 */
apiAction: string | null, params: Array<ParamView>, 
/**
 * Whether a `ClientToken` is added (generated when the run starts).
 */
clientToken: boolean, 
/**
 * The states waited for afterwards.
 */
waitFor: Array<WaitText>, 
/**
 * The equivalent `aliyun` command.
 */
cli: string | null, 
/**
 * `rollBack` (undo automatically) or `ask` (offer retry or roll back).
 */
onFailure: string, 
/**
 * How the step is undone, if it can be.
 */
undo: StepTitle | null, };

export type PlanView = { 
/**
 * The job; its title is the message `jobTitle_<job>`.
 */
job: JobKind, region: string, 
/**
 * What the job breaks and for how long (shown above the steps).
 */
impact: Array<ImpactItem>, steps: Array<PlanStepView>, warnings: Array<WarningView>, notes: Array<PlanNote>, 
/**
 * The whole plan as `aliyun` CLI commands.
 */
cli: string, 
/**
 * The Terraform equivalent.
 */
terraform: string, };

export type PreflightView = { ok: boolean, blockers: Array<ReasonView>, plan: PlanView | null, };

export type RunStatus = "running" | "waitingForDecision" | "rollingBack" | "completed" | "rolledBack" | "cancelled" | "failed" | "interrupted";

export type Phase = "forward" | "rollback";

export type StepStatus = "pending" | "running" | "waiting" | "done" | "failed" | "undoing" | "undone" | "undoFailed";

export type StepView = { index: number, title: StepTitle, effect: StepEffect, apiAction: string | null, status: StepStatus, 
/**
 * The state waited for, while waiting.
 */
waitingFor: WaitText | null, clientToken: string | null, requestId: string | null, undoRequestId: string | null, startedAt: string | null, finishedAt: string | null, 
/**
 * Set once the step (or its undo) settled.
 */
elapsedMs: number | null, error: ErrorDto | null, 
/**
 * `rollBack` or `ask`.
 */
onFailure: string, 
/**
 * How the step is undone, if it can be.
 */
undoTitle: StepTitle | null, 
/**
 * A guest step's Cloud Assistant invocation and output.
 */
guest: GuestStepView | null, };

export type GuestStepView = { invokeId: string | null, 
/**
 * `Pending`, `Running`, `Success`, `Failed`, `Timeout`, ...
 */
status: string | null, exitCode: bigint | null, 
/**
 * The script's output (bounded; the journal keeps its head and tail).
 */
output: string, 
/**
 * Why the step ran no script (Cloud Assistant offline, ...).
 */
skipped: string | null, 
/**
 * What the step found (e.g. "EIP … verified on eth1 (MAC …)").
 */
summary: string | null, 
/**
 * [`GuestStepView::skipped`] as a message key (the UI words it).
 */
skippedText: GuestNote | null, 
/**
 * [`GuestStepView::summary`] as a message key.
 */
summaryText: GuestNote | null, };

export type VerifiedText = { "key": "verified", ip: string, interface: string, mac: string, } | { "key": "verifiedMetric", ip: string, interface: string, mac: string, metric: number, };

export type LeftUndone = { "key": "notConfigured", mac: string, } | { "key": "stillInGuest", mac: string, } | { "key": "stillInGuestWindows", mac: string, };

export type GuestNote = { "key": "verified", verified: VerifiedText, } | { "key": "removed", mac: string, instance: string, } | { "key": "offline", instance: string, left: LeftUndone, } | { "key": "statusUnread", instance: string, code: string, left: LeftUndone, } | { "key": "wentOffline", instance: string, info: string, left: LeftUndone, } | { "key": "nothingChanged" } | { "key": "nothingRan" } | { "key": "verbatim", text: string, };

export type OutcomeText = { "key": "eniAttached", eni: string, instance: string, } | { "key": "eniAttachedAgain", eni: string, instance: string, } | { "key": "eniDetached", eni: string, instance: string, } | { "key": "eniDetachedAgain", eni: string, instance: string, } | { "key": "eipBound", eip: string, target: string, mode: string, } | { "key": "eipBoundAgain", eip: string, target: string, mode: string, } | { "key": "eipUnbound", eip: string, target: string, } | { "key": "eipUnboundAgain", eip: string, target: string, } | { "key": "eipMode", eip: string, mode: string, } | { "key": "eipModeAgain", eip: string, mode: string, } | { "key": "guestDhcp", mac: string, } | { "key": "guestDhcpAgain", mac: string, } | { "key": "guestRestored", mac: string, } | { "key": "guestRestoredAgain", mac: string, } | { "key": "ruleAllowed", protocol: string, ports: string, cidr: string, group: string, } | { "key": "ruleAllowedAgain", protocol: string, ports: string, cidr: string, group: string, } | { "key": "pingAllowed", cidr: string, group: string, } | { "key": "pingAllowedAgain", cidr: string, group: string, } | { "key": "ruleRemoved", protocol: string, ports: string, cidr: string, group: string, } | { "key": "ruleRemovedAgain", protocol: string, ports: string, cidr: string, group: string, } | { "key": "pingRemoved", cidr: string, group: string, } | { "key": "pingRemovedAgain", cidr: string, group: string, } | { "key": "eipAllocated", eip: string, } | { "key": "eipAllocatedAgain", eip: string, } | { "key": "eipReleased", eip: string, } | { "key": "eipAttributes", eip: string, } | { "key": "eipAttributesAgain", eip: string, } | { "key": "eniExists", eni: string, } | { "key": "eniExistsAgain", eni: string, } | { "key": "eniDeleted", eni: string, } | { "key": "eniAttributes", eni: string, } | { "key": "eniAttributesAgain", eni: string, } | { "key": "taggedOne", id: string, tags: string, } | { "key": "taggedOneAgain", id: string, tags: string, } | { "key": "taggedMany", first: string, more: number, tags: string, } | { "key": "taggedManyAgain", first: string, more: number, tags: string, } | { "key": "untaggedOne", id: string, keys: string, } | { "key": "untaggedMany", first: string, more: number, keys: string, };

export type RunMessage = { "key": "resumed" } | { "key": "rollingBackAgain" } | { "key": "rollingBackAsRequested" } | { "key": "cancelling" } | { "key": "completed" } | { "key": "completedWith", guest: Array<GuestNote>, switched: PlanNote | null, } | { "key": "failedRollingBack", step: StepTitle, code: string, } | { "key": "failedAsk", step: StepTitle, code: string, } | { "key": "undoFailed", step: StepTitle, code: string, message: string, } | { "key": "cancelled", now: Array<OutcomeText>, } | { "key": "cancelledNothing" } | { "key": "rolledBackAutomatically", code: string, now: Array<OutcomeText>, } | { "key": "rolledBackAutomaticallyNothing", code: string, } | { "key": "rolledBackAsRequested", code: string, now: Array<OutcomeText>, } | { "key": "rolledBackAsRequestedNothing", code: string, } | { "key": "rolledBack", now: Array<OutcomeText>, } | { "key": "rolledBackNothing" } | { "key": "interrupted" };

export type OsFamily = "alibabaCloudLinux" | "ubuntu" | "debian" | "windows";

export type GuideText = { "key": "findNicTitle" } | { "key": "findNic", eni: string, mac: string, } | { "key": "findAdapterTitle" } | { "key": "findAdapter", eni: string, mac: string, } | { "key": "dhcpTitle" } | { "key": "dhcpNetplan", ip: string, } | { "key": "dhcpIfupdown", ip: string, } | { "key": "dhcpIfcfg", ip: string, } | { "key": "dhcpWindows", ip: string, } | { "key": "checkTitle" } | { "key": "checkNic", ip: string, } | { "key": "checkAdapter", ip: string, } | { "key": "routeTitle" } | { "key": "routeNic" } | { "key": "routeAdapter" };

export type GuideStep = { title: GuideText, text: GuideText, 
/**
 * Commands to run (copy button), if any.
 */
commands: string | null, };

export type OsGuide = { os: OsFamily, label: string, steps: Array<GuideStep>, };

export type GuestOsGuide = { 
/**
 * The family detected from the instance's `OSName`, if any.
 */
detected: OsFamily | null, mac: string, eipAddress: string, 
/**
 * One guide per family, the detected one first.
 */
guides: Array<OsGuide>, };

export type RunView = { id: string, 
/**
 * The job; its title is the message `jobTitle_<job>`.
 */
job: JobKind, 
/**
 * e.g. `eip-… 203.0.113.7 → eni-… (cut-through), on i-…`.
 */
summary: RunSummary, profile: string, account: string | null, region: string, status: RunStatus, phase: Phase, 
/**
 * The message in English (a run journaled before schema version 5 has only this).
 */
message: string | null, 
/**
 * The message as a message key, for the UI to word (`None`: show `message`).
 */
messageText: RunMessage | null, error: ErrorDto | null, createdAt: string, updatedAt: string, finishedAt: string | null, cancelRequested: boolean, 
/**
 * Increases with every change: a view with a lower revision is older.
 */
revision: number, steps: Array<StepView>, canResume: boolean, canRetry: boolean, canRollBack: boolean, canCancel: boolean, 
/**
 * What a roll back breaks: the undo of every step that took effect, in reverse order.
 */
rollBackImpact: Array<ImpactItem>, 
/**
 * What "Cancel" breaks: the current step completes, then it and every completed step are
 * rolled back.
 */
cancelImpact: Array<ImpactItem>, 
/**
 * What the cloud looks like if the run stops now (the app closes): the state the steps
 * that took effect left, in words.
 */
stateIfStopped: string, 
/**
 * The same as message keys, one per state (empty: nothing has changed yet).
 */
stateIfStoppedText: Array<OutcomeText>, 
/**
 * The plan the run executes (calls, CLI, Terraform).
 */
plan: PlanView, 
/**
 * Guest-OS instructions, once a cut-through binding is attached to an instance.
 */
guestOs: GuestOsGuide | null, 
/**
 * What Cloud Assistant verified in the guest (e.g. "EIP … verified on eth1 (MAC …)."),
 * when the completed run's verification step found the EIP on the NIC; the instructions
 * are then only a reference.
 */
guestVerified: string | null, 
/**
 * The same as a message key, for the verified panel (`None`: show `guest_verified`).
 */
guestVerifiedText: VerifiedText | null, 
/**
 * Resource IDs the run touches (for refreshing the tables).
 */
resources: Array<string>, 
/**
 * The EIP of the job.
 */
allocationId: string, 
/**
 * The ENI involved, if any.
 */
eniId: string | null, 
/**
 * Where the ENI is attached when the run completes, if anywhere.
 */
finalInstance: string | null, };

export type QuitWhen = "safePoint" | "rolledBack";

export type QuitIntent = { when: QuitWhen, runs: RunId[], };

export type AuditParam = { name: string, value: string, };

export type AuditEntry = { id: number, time: string, profile: string, account: string | null, region: string, action: string, params: Array<AuditParam>, requestId: string | null, 
/**
 * `success` or `failure`.
 */
outcome: string, errorCode: string | null, errorMessage: string | null, runId: string | null, };

export type AuditFilter = { 
/**
 * Matched against action, resource IDs in the parameters, RequestId, error code and run.
 */
text: string | null, action: string | null, 
/**
 * `success` or `failure`.
 */
outcome: string | null, profile: string | null, region: string | null, 
/**
 * Inclusive lower bound on `time` (RFC 3339 or a date `YYYY-MM-DD`).
 */
since: string | null, 
/**
 * Exclusive upper bound on `time`.
 */
until: string | null, 
/**
 * At most this many entries, newest first (default 500).
 */
limit: number | null, };

export type ExportFormat = "csv" | "json";

export type AuditExportRequest = { format: ExportFormat, filter: AuditFilter, };

export type AuditExportResult = { path: string, entries: number, bytes: number, };

export type Billing = "payByTraffic" | "payByBandwidth" | "subscription";

export type PricingCycle = "Month" | "Year";

export type TagKind = "eip" | "eni";

export type TagPair = { key: string, value: string, };

export type LifecycleForm = { regionId: string, job: JobKind | null, 
/**
 * The EIPs or ENIs the job acts on (several for bulk rename, tags, release, delete).
 */
ids: Array<string>, 
/**
 * Attach / detach: the instance. Create and bind: the instance to bind on.
 */
instanceId: string | null, name: string | null, description: string | null, 
/**
 * Mbit/s.
 */
bandwidth: number | null, billing: Billing | null, 
/**
 * Subscription period (with `pricing_cycle`, default months).
 */
period: number | null, pricingCycle: PricingCycle | null, isp: string | null, resourceGroupId: string | null, vswitchId: string | null, securityGroupIds: Array<string>, 
/**
 * A fixed primary private IP for a new ENI.
 */
privateIp: string | null, 
/**
 * Tags to add.
 */
tags: Array<TagPair>, 
/**
 * Tag keys to remove.
 */
tagKeys: Array<string>, 
/**
 * Create and bind: an existing free EIP (empty: allocate one from `billing` and
 * `bandwidth`).
 */
allocationId: string | null, 
/**
 * Create and bind: an existing secondary ENI (empty: create one on the instance's
 * vSwitch).
 */
eniId: string | null, };

export type VSwitchChoice = { id: string, name: string, vpcId: string, zoneId: string, cidr: string, freeIps: number, };

export type SecurityGroupChoice = { id: string, name: string, vpcId: string, };

export type InstanceChoice = { id: string, name: string, instanceType: string, status: string, vpcId: string, zoneId: string, 
/**
 * Network interfaces attached now (the primary included).
 */
enisAttached: number, 
/**
 * How many the instance type takes (`None`: unknown).
 */
eniQuota: number | null, };

export type LifecycleChoices = { vswitches: Array<VSwitchChoice>, securityGroups: Array<SecurityGroupChoice>, instances: Array<InstanceChoice>, };
