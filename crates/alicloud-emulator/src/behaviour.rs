//! # Behaviour reference and documented choices
//!
//! Where the public documentation of the real services is silent or contradictory, the
//! emulator makes the most plausible choice. Every such choice is listed here.
//!
//! ## Protocol
//!
//! * Products are chosen by `Version` (`2016-04-28` VPC, `2014-05-26` ECS, `2015-04-01` STS);
//!   `Action`/`Version` come from the query, the form body or the `x-acs-action` /
//!   `x-acs-version` headers. A form body is read when `Content-Type` is
//!   `application/x-www-form-urlencoded`; a repeated parameter keeps its last value.
//! * Missing `Version` → `MissingVersion`; unknown → `InvalidVersion` (400). Missing `Action`
//!   → `MissingAction`; unknown → `InvalidAction.NotFound` (404). The action is resolved
//!   before authentication.
//! * `Format=JSON`/`XML` in any case wins. Without it: JSON for V3 requests and for clients
//!   sending `Accept: application/json`, XML for other V1 requests (the RPC default).
//!   Content types are exactly `application/json;charset=utf-8` and `text/xml;charset=utf-8`
//!   (the official SDKs compare the latter literally). XML roots are `<ActionResponse>` and
//!   `<Error>`; arrays repeat the element name.
//! * Errors carry `RequestId`, `HostId` (the request's `Host` header, as the gateway echoes
//!   the endpoint), `Code`, `Message` and `Recommend`; every response carries
//!   `x-acs-request-id`.
//! * Missing required parameters are `Missing<Name>` (400), e.g. `MissingRegionId`.
//! * `PageSize` above the maximum is clamped (EIPs 100, VPCs/vSwitches 50, instances 100,
//!   ENIs 1000), `PageNumber` below 1 becomes 1. `MaxResults` is clamped to 10–500 for ENIs and
//!   1–100 for instances and instance types. `NextToken` is an opaque cursor onto insertion
//!   order; a foreign token is `InvalidParameter.NextToken` (400). `TotalCount` is always the
//!   number of matches, also in token mode.
//!
//! ## Authentication
//!
//! * Order: credentials present → AccessKey known (`InvalidAccessKeyId.NotFound`, **404**, the
//!   status live gateways answer) → security token → timestamp (format, ±15 minutes against
//!   real wall time, not the adjustable emulator clock) → nonce present → signature → nonce
//!   unused. A nonce is only consumed by a correctly signed request and is remembered per
//!   AccessKey for the timestamp window.
//! * A missing `Timestamp`/`x-acs-date` is `IllegalTimestamp`; a missing AccessKey is
//!   `MissingAccessKeyId`; an unsupported V3 algorithm (`ACS3-HMAC-SM3`, `ACS3-RSA-SHA256`) or
//!   V1 `SignatureMethod` is `InvalidSignatureMethod`; an unparsable `Authorization` is
//!   `IncompleteSignature`. `SignatureDoesNotMatch` is **400** with
//!   `server string to sign is:<StringToSign>` in the message, for both versions.
//! * V3 is verified over exactly the headers listed in `SignedHeaders`, with the SHA-256 of
//!   the body actually received as the payload hash.
//! * STS keys (`STS.…`) need their token (`SecurityToken` parameter or `x-acs-security-token`
//!   header): absent → `MissingSecurityToken`; not shaped like ours (`CAIS` + base64) →
//!   `InvalidSecurityToken.Malformed`; another session's → `InvalidSecurityToken.
//!   MismatchWithAccessKey`; past expiry on the emulator clock → `InvalidSecurityToken.Expired`.
//!   A token sent with a permanent key is rejected the same way. Expired sessions are
//!   remembered for 24 hours so their use reports `Expired` rather than `NotFound`.
//!
//! ## STS
//!
//! * Both demo accounts define `EipDeskAdmin` (max session 12 h). A caller may assume a role
//!   of any configured account (cross-account trust is open). Role chaining is allowed with at
//!   most 3600 s. Errors: `InvalidParameter.RoleArn`, `EntityNotExist.Role` (404),
//!   `InvalidParameter.RoleSessionName`, `InvalidParameter.DurationSeconds`,
//!   `InvalidParameter.PolicyGrammar`.
//! * `GetCallerIdentity` of an assumed role reports the role ID as `UserId` and `RoleId`,
//!   `PrincipalId` `<roleId>:<session>`, `Arn` `acs:ram::<acct>:assumed-role/<role>/<session>`.
//! * Sessions are credentials, not state: snapshots, seeds and the state file never contain
//!   them (nor any secret), and a reset keeps them valid; a restarted binary forgets them.
//!
//! ## EIPs
//!
//! * An unassociated EIP reports `Mode` `NAT` and empty `InstanceType`, `InstanceId`,
//!   `PrivateIpAddress`, `InstanceRegionId`, `VpcId`.
//! * The association (target, mode, private IP) is visible from `Associating` on and until
//!   `Unassociating` ends. ENIs and instances show it (`AssociatedPublicIp`, `EipAddress`)
//!   only while the EIP is `InUse` or `Unassociating`.
//! * `InstanceType` values without emulated resources (`Nat`, `SlbInstance`, `HaVip`,
//!   `IpAddress`) answer `InvalidInstanId.NotFound` (404, the real code's spelling), as does
//!   an unknown instance or ENI; unknown type names are
//!   `InvalidInstanceType.ValueNotSupported`.
//! * Status preconditions: associating or disassociating while `Associating`/`Unassociating`
//!   → `TaskConflict`; associating an `InUse` EIP with the instance it already has →
//!   `InvalidAssociation.Duplicated`, with another → `IncorrectEipStatus`; disassociating an
//!   `Available` EIP → `IncorrectEipStatus`; releasing anything but `Available` →
//!   `IncorrectEipStatus` (`TaskConflict` while transitioning); `PrePaid` →
//!   `Forbidden.ChargeTypeIsPrepaid` first.
//! * BINDED: only secondary ENIs (`Invalid.DirectEip.BindType` for primary ENIs and non-ENI
//!   targets), region in the cut-through list (`UnsupportedRegion`), ENI not attached
//!   (`Eni.Attached`), no secondary private IPs (`Eni.HasSubIp`), no other EIP on the ENI
//!   (`InvalidAssociation.Duplicated` when that one is BINDED, `Mode.Conflict` when NAT or
//!   MULTI_BINDED). `PrivateIpAddress` is optional and defaults to the ENI's primary IP; any
//!   other value is `InvalidParameter`.
//! * NAT / MULTI_BINDED on ENIs: secondary ENIs only (a primary ENI is
//!   `InvalidParameter.EniInstanceId`: associate the instance instead); one EIP per private
//!   IP (`InvalidAssociation.Duplicated`); not next to a BINDED EIP (`Mode.Conflict`); NAT and
//!   MULTI_BINDED not mixed (`OperationFailed.EipBindModeConflict`); MULTI_BINDED with an ECS
//!   instance is `OperationUnsupported.EipBindModel`. Instances must be Running or Stopped
//!   (`IncorrectInstanceStatus`) and hold one EIP (`InvalidAssociation.Duplicated`).
//! * Disassociating a BINDED EIP whose ENI is attached (also while attaching or detaching) is
//!   `Eni.Attached`. A given `InstanceId`/`InstanceType` that does not match the association
//!   is `InvalidBindingStatus`.
//! * `UnassociateEipAddress`, `ReleaseEipAddress` and `ModifyEipAddressAttribute` default
//!   `RegionId` to cn-hangzhou (the VPC API's default region) when it is omitted.
//! * `ModifyEipForwardMode` (`InstanceId` = AllocationId) is synchronous. It needs an `InUse`
//!   EIP on an ENI (`Invalid.DirectEip.BindType` otherwise). Switching into or out of BINDED
//!   requires the ENI detached (`Eni.Attached`); into BINDED also applies the region, sub-IP
//!   and single-EIP rules.
//! * Bandwidth limits: PayByTraffic 1–200, PayByBandwidth 1–500, PrePaid 1–1000
//!   (`InvalidParameter`). PrePaid needs `Period` (`MissingPeriod`; Month 1–9, Year 1–5) and
//!   PayByBandwidth. New EIPs get a random-looking address in the region's block.
//!
//! ## ENIs and instances
//!
//! * Attach order of checks: ENI exists (`InvalidEniId.NotFound`, 404) → instance exists
//!   (`InvalidEcsId.NotFound`, 404) → not a primary ENI (`InvalidOperation.InvalidEniType`,
//!   403) → ENI `Available` (`InvalidOperation.InvalidEniState`, 400) → instance Running or
//!   Stopped (`InvalidOperation.InvalidEcsState`, 400) → same VPC
//!   (`InvalidOperation.VpcMismatch`, 403) → same zone
//!   (`InvalidOperation.AvailabilityZoneMismatch`, 403) → ENIs on the instance (attaching,
//!   attached or detaching, primary included) below the type's `EniQuantity`
//!   (`EniPerInstanceLimitExceeded`, 403).
//! * Detach: primary → `InvalidOperation.DetachPrimaryEniNotAllowed`; not `InUse`/`Detaching`
//!   → `InvalidOperation.InvalidEniState`; attached to another instance →
//!   `InvalidParams.EniId`; detaching an ENI already `Detaching` succeeds without change.
//! * Delete: primary → `InvalidOperation.InvalidEniType` (403); not `Available` →
//!   `InvalidOperation.InvalidEniState`; with an EIP associated →
//!   `InvalidOperation.EipAssociated` (400).
//! * Create is synchronous (`Available` at once). Addresses come from the vSwitch (lowest
//!   free; first and last three reserved): taken → `InvalidPrivateIpAddress.Duplicated`,
//!   outside → `InvalidVSwitchId.IpInvalid`, exhausted → `InvalidVSwitchId.IpNotEnough`; a
//!   security group of another VPC → `InvalidOperation.VpcMismatch`.
//! * `DescribeInstances` lists an instance's ENIs that are `InUse` or `Detaching`.
//!
//! ## Transitions, idempotency, faults, throttling
//!
//! * Transitions are lazy: a mutating call sets the transitional status and a due time; every
//!   request first applies what is due for the caller's account. A delay of 0 applies the
//!   outcome immediately. The emulator clock (`/_emulator/clock/advance`) drives them.
//! * `ClientToken` on mutating actions: per account and action, for 24 h; same parameters →
//!   the recorded response is replayed with a new `RequestId` (even if the state has moved
//!   on); different parameters → `IdempotentParameterMismatch`. Failed calls are not recorded.
//! * Throttling and faults apply after authentication. A dropped connection happens after the
//!   call has been applied: the response is lost, not the request (what idempotent retries
//!   are for). Injected latency is added between the call (applied, logged and its answer
//!   rendered) and the answer, so a client that times out still finds its call in the log.
//! * `Throttling.User` is HTTP 400 with `x-acs-retry-after` (milliseconds until a token).
