// Generated from the Rust types in eipdesk-core (dto.rs). Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings

export type ErrorKind = "throttling" | "transient" | "auth" | "notFound" | "invalidState" | "invalidInput" | "transport" | "keychain" | "internal";

export type ErrorDto = { kind: ErrorKind, 
/**
 * The Alibaba Cloud error code (e.g. `Eni.Attached`) or one of ours (e.g. `InvalidRegionId`).
 */
code: string, message: string, requestId: string | null, 
/**
 * What the user can do about it.
 */
hint: string | null, };

export type AppInfo = { version: string, profileName: string, 
/**
 * `production`, `staging`, `test` or `sandbox`.
 */
environment: string, defaultRegion: string, };

export type RegionInfo = { id: string, name: string, 
/**
 * Whether cut-through (BINDED) mode is available there.
 */
cutThrough: boolean, };

export type ResourceKind = "eip" | "eni" | "instance";

export type ResourceRef = { kind: ResourceKind, id: string, regionId: string, };

export type BindingTarget = "instance" | "eni" | "other";

export type EipBinding = { target: BindingTarget, 
/**
 * The API's `InstanceType` (`EcsInstance`, `NetworkInterface`, `Nat`, …).
 */
targetType: string, 
/**
 * The API's `InstanceId`: an instance, an ENI or another resource.
 */
targetId: string, 
/**
 * `NAT`, `BINDED` (cut-through) or `MULTI_BINDED`.
 */
mode: string, 
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
status: string, regionId: string, name: string, description: string, 
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
instanceType: string | null, 
/**
 * `NAT`, `BINDED` or `MULTI_BINDED` when bound.
 */
mode: string | null, privateIpAddress: string | null, binding: EipBinding | null, 
/**
 * Operation lock reasons (`financial`, `security`, …); empty when unlocked.
 */
lockReasons: Array<string>, };

export type EipRef = { allocationId: string, ipAddress: string, 
/**
 * `NAT`, `BINDED` or `MULTI_BINDED`.
 */
mode: string, status: string, };

export type CutThroughVerdict = "eligible" | "needsDetach" | "active" | "ineligible";

export type CutThroughReasonCode = "primaryEni" | "notSecondary" | "notInVpc" | "regionUnsupported" | "hasEip" | "hasSecondaryIps" | "busy" | "serviceManaged" | "attached";

export type CutThroughReason = { code: CutThroughReasonCode, message: string, 
/**
 * True when it rules cut-through out; false when the workflow can fix it (detach).
 */
blocking: boolean, };

export type CutThroughEligibility = { verdict: CutThroughVerdict, reasons: Array<CutThroughReason>, };

export type EniRow = { networkInterfaceId: string, name: string, description: string, 
/**
 * `Available`, `Attaching`, `InUse`, `Detaching`, `Deleting`.
 */
status: string, 
/**
 * `Primary` or `Secondary` (or another type the API reports).
 */
eniType: string, regionId: string, zoneId: string, vpcId: string, vpcName: string | null, vswitchId: string, vswitchName: string | null, 
/**
 * Primary private IPv4 address.
 */
privateIpAddress: string, secondaryPrivateIps: Array<string>, macAddress: string, securityGroupIds: Array<string>, creationTime: string, 
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
status: string | null, eips: Array<EipRef>, };

export type InstanceRow = { instanceId: string, name: string, 
/**
 * `Pending`, `Starting`, `Running`, `Stopping`, `Stopped`.
 */
status: string, regionId: string, zoneId: string, instanceType: string, vpcId: string, vpcName: string | null, vswitchId: string, vswitchName: string | null, 
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
 * An absolute path; `.csv` is appended when it has no extension.
 */
path: string, headers: Array<string>, rows: Array<Array<string>>, };

export type CsvExportResult = { path: string, rows: number, bytes: number, };
