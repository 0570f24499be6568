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
//!   the endpoint; also for errors answered before the request is parsed), `Code`, `Message`
//!   and `Recommend`; every response carries `x-acs-request-id`.
//! * RPC is served at `/` for `GET` and `POST`. `HEAD` and other methods are refused before
//!   anything runs: `405 UnsupportedHTTPMethod` with `Allow: GET, POST` (no body for `HEAD`).
//!   Any other path but `/_emulator/…` is `404 InvalidAction.NotFound` with the usual body.
//! * A body larger than 4 MiB is `InvalidParameter`; one not received within the body timeout
//!   (default 30 s) is `408 RequestTimeout`.
//! * Missing required parameters are `Missing<Name>` (400), e.g. `MissingRegionId`.
//! * `PageSize` above the maximum is clamped (EIPs 100, VPCs/vSwitches 50, instances 100,
//!   ENIs 1000), `PageNumber` below 1 becomes 1. `MaxResults` is clamped to 10–500 for ENIs and
//!   1–100 for instances and instance types. `NextToken` is an opaque cursor onto insertion
//!   order; a foreign token is `InvalidParameter.NextToken` (400). `TotalCount` is always the
//!   number of matches, also in token mode.
//!
//! * `DescribeRegions` (VPC and ECS) words `LocalName` by `AcceptLanguage`: `zh-CN` (also
//!   the default) as the Chinese console (华东1（杭州）), `en-US` English (China (Hangzhou)),
//!   `ja` as the Japanese site (中国 (杭州)). The other documented languages (`zh-TW`, `fr`,
//!   `de`, `ko`) and unknown values answer Chinese, the default, rather than an error.
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
//!   the body actually received as the payload hash. Before that, as the gateway requires,
//!   every `x-acs-*` header the request carries, and `host` and `content-type` when present,
//!   must be listed: otherwise `IncompleteSignature` (400) naming the first one left out (so a
//!   captured request cannot be replayed with a fresh unsigned nonce or date, or another
//!   `x-acs-action`).
//! * V1 needs `SignatureVersion` (`MissingSignatureVersion`; anything but `1.0` is
//!   `InvalidSignatureVersion`).
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
//! * `AssumeRoleWithOIDC` is anonymous, as in the cloud: no AccessKey, no signature, not
//!   throttled, parameters not written to the request log (the token is a credential). Every
//!   account registers one OIDC provider, `acs:ram::<acct>:oidc-provider/EipDeskTestIdP`,
//!   issuer `https://oidc.eipdesk.example.test`, client ID `sts.aliyuncs.com`; the role must
//!   be in the provider's account (role trust policies are not modelled). `RoleSessionName`
//!   is optional (default `oidc-<epoch s>`), `DurationSeconds` 900 to the role's maximum.
//!   Order of checks and codes (from the STS error code list): `MissingOIDCProviderArn`,
//!   `MissingRoleArn`, `InvalidParameter.OIDCProviderArn` (400) → unknown provider
//!   `AuthenticationFail.NoPermission` "No such OIDC Provider registered." (401) → token:
//!   empty, not three parts, not base64url JSON or an algorithm other than RS*/ES*/PS*
//!   `AuthenticationFail.OIDCToken.Invalid` → `aud` not a client ID
//!   `AuthenticationFail.OIDCToken.AudienceNotMatch` → `exp` at or before the emulator clock
//!   `AuthenticationFail.OIDCToken.Expired` (all 401) → role, session name, policy, duration
//!   as for `AssumeRole`. An `iss` other than the provider's issuer is also
//!   `AuthenticationFail.OIDCToken.Invalid`: the published list shows no issuer-specific code.
//! * The token's signature is **not verified**: the emulator has no provider keys to fetch
//!   (verification needs the provider's JWKS over HTTPS, and tests mint tokens without a
//!   private key), so `OIDCTokenInfo.VerificationInfo` says so. A test token only needs the
//!   right `iss`, `aud` and a future `exp`.
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
//! * `ModifyEipForwardMode` (`InstanceId` = AllocationId) is synchronous and answers the
//!   documented codes, checked in this order: BINDED outside the cut-through regions →
//!   `Region.NotSupport`; a PrePaid EIP into BINDED → `Forbidden.PrePaidBindedEip`; an
//!   unbound (`Available`) EIP may change mode (kept, reported as its `Mode` and used when
//!   `AssociateEipAddress` names none); a transitioning EIP → `Instance.StatusError`; bound to
//!   anything but an ENI → `BindInstance.NotSupport`; its ENI transitioning →
//!   `IncorrectStatus.EipInstance`; into or out of BINDED with the ENI attached →
//!   `ENI.BindEcs`; a mode the ENI cannot hold (BINDED next to another EIP, on a primary ENI,
//!   with secondary IPs or off the primary IP; NAT next to MULTI_BINDED or the reverse) →
//!   `Instance.ModeError` (the documented table has no finer code; `AssociateEipAddress`
//!   keeps its own codes for the same rules).
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
//!   A token must be at most 64 ASCII characters (`InvalidParameter` naming `ClientToken`).
//!   Expired tokens are dropped as new ones are recorded (at most 100,000 kept).
//! * Throttling and faults apply after authentication. A dropped connection happens after the
//!   call has been applied: the response is lost, not the request (what idempotent retries
//!   are for). Injected latency is added between the call (applied, logged and its answer
//!   rendered) and the answer, so a client that times out still finds its call in the log.
//! * `Throttling.User` is HTTP 400 with `x-acs-retry-after` (milliseconds until a token).
//!
//! ## Connections, request log, persistence
//!
//! * Connections: headers must arrive within 10 s, a connection on which no byte moved for
//!   60 s is closed (idle keep-alive or a stalled client), at most 512 are open at once;
//!   beyond that a new connection is answered `503 ServiceUnavailable` (body says the limit)
//!   and closed. All configurable ([`crate::ConnectionLimits`]).
//! * The request log keeps at most 10,000 entries and about 4 MiB; parameters of requests that
//!   failed authentication are not kept, and any text over 256 bytes is kept as its first 64
//!   characters plus `…[truncated, N bytes]`.
//! * With a state file, a mutation changes memory and returns; a background thread writes the
//!   state (atomically: temporary file, fsync, rename, directory fsync) once no change came
//!   for 50 ms, or 500 ms after the first unsaved change at the latest, and on shutdown. A
//!   kill can lose the changes of that window (never leave a torn file). The file also keeps
//!   the clock offset and the nonces of the replay window, so a restart neither moves
//!   transitions back nor accepts a captured request again. At start, temporary files of a
//!   killed writer are removed, and a file with an unknown format, duplicate IDs, dangling
//!   references or an address used twice is refused with a message naming it.
//!
//! ## Tags, ENI attributes, security groups
//!
//! * Tag actions exist in both flavours, as the real APIs have them: VPC `TagResources` /
//!   `UnTagResources` / `ListTagResources` with `ResourceType` `EIP` (case-insensitive), ECS
//!   `TagResources` / `UntagResources` / `ListTagResources` with `eni` or `instance` (exact
//!   case). Other documented types are `403 InvalidResourceId.NotSupported`; unknown ones
//!   `404 InvalidResourceType.NotFound`. The VPC documentation lists no tag error codes, so
//!   both flavours answer the ECS table's codes: `NumberExceed.ResourceIds` (over 50 IDs),
//!   `NumberExceed.Tags` (over 20), `Duplicate.TagKey`, `InvalidTagKey.Malformed` (empty, over
//!   128 characters, `acs:`/`aliyun` prefix, a URL), `InvalidTagValue.Malformed`,
//!   `InvalidTag.Mismatch` (a value without its key), `OperationDenied.QuotaExceed` (over 20
//!   on a resource), `404 InvalidResourceId.NotFound` (any ID unknown: nothing is tagged),
//!   `404 MissingParameter.Tags` (no tags, no `TagKey.N` and no `All=true`).
//! * A tag whose key is present takes the new value. `ListTagResources` needs `ResourceId.N`
//!   or `Tag.N`; it answers every tag of each matching resource (resources in insertion
//!   order, tags in the order set), 50 per page (VPC `MaxResults` clamped to 1–50) with an
//!   opaque `NextToken` (empty on the last page).
//! * `ModifyNetworkInterfaceAttribute` changes `NetworkInterfaceName` (2–128 characters),
//!   `Description` (2–256) and `SecurityGroupId.N` (1–5 groups of the ENI's VPC, else
//!   `InvalidOperation.VpcMismatch`); refused while `Deleting`. `DescribeSecurityGroups`
//!   filters by `VpcId`, `SecurityGroupIds` (JSON array) and `SecurityGroupName`, 50 per page.
//!
//! ## Cloud Assistant
//!
//! Field names, statuses, `ErrorCode`/`ErrorInfo` texts and the 24 KB limits follow the
//! official ECS SDK models and API reference; the following are the emulator's choices.
//!
//! * `RunCommand` checks, in order: `RegionId`, `Type` (`RunShellScript`,
//!   `RunPowerShellScript`, `RunBatScript`; else `InvalidCmdType.NotFound`, 400),
//!   `CommandContent` (`MissingCommandContent`; Base64 longer than 24 KB →
//!   `InvalidCommandContent.ExceedLimit`; with `ContentEncoding=Base64` (any case) text that is
//!   not Base64 → `InvalidCommandContent.Malformed`; any other `ContentEncoding` is PlainText,
//!   as documented), `Timeout` (default 60, 10–86400, else `InvalidParam.Timeout`),
//!   `InstanceId.N` (1–100: `MissingInstanceId`, `InstanceIds.ExceedLimit`), then every
//!   instance must be the caller's in that region (`InvalidInstance.NotFound`, **404**). It is
//!   a mutating action: the same `ClientToken` replays the first `InvokeId` and runs nothing.
//! * IDs: `t-` (`InvokeId`) and `c-` (`CommandId`), the region's abbreviation, then
//!   lower-case base-36 characters, 14 after the dash in all, as in the official SDK examples
//!   `t-hz0jdfwd9f****` and `c-hz0jdfwcsr****` (Hangzhou: `hz`). Only `hz` is attested there;
//!   the other regions' abbreviations (`bj`, `sh`, `sz`, `qd`, `zjk`, `hhht`, `cd`, `hk`,
//!   `jp`, `sg`, `id`, `de`, `uk`, `us`) are the emulator's choice (`state::regions`).
//! * Timeline per instance, read from the emulator clock: `Pending` for `command_ms`
//!   (delays), `Running` for another `command_ms`, then `Success` (exit 0) or `Failed` (exit
//!   ≠ 0, `ErrorCode` `ExitCodeNonzero`), `InvokeRecordStatus` `Finished`. A hung script stays
//!   `Running` until `Timeout` (never before both phases have passed), then `Timeout` with
//!   `ExitCode` -1, `ExecutionTimeout`, `InvokeRecordStatus` `Failed`. A stopped instance or
//!   an offline agent does not fail the call: after one phase the instance's result is
//!   `Aborted` with `InstanceNotRunning` / `ClientNotRunning` and the documented `ErrorInfo`.
//!   A script type foreign to the OS (a shell script on Windows) is `Invalid`
//!   (`InvalidCommandType`, "the command is not applicable"). `Output` is empty until the
//!   script ends; the guest's effect is applied when the command is sent.
//! * The overall `InvocationStatus` is `Pending`/`Running` while any instance is, `Success`
//!   when all succeeded, `Failed` when none did, else `PartialFailed`; `InvokeStatus` is
//!   `Running`, `Finished`, `Failed` or `PartialFailed` accordingly.
//! * `DescribeInvocationResults` and `DescribeInvocations` default to `ContentEncoding=Base64`
//!   for `Output` (and `CommandContent`); `PlainText` returns them as is. `DescribeInvocations`
//!   returns `Output` only with `IncludeOutput=true`, newest invocation first. An unknown
//!   `InvokeId` gives an empty list, not an error. `DescribeInvocations` pages with
//!   `NextToken`/`MaxResults` (1–50, default 10) when either is given: an opaque cursor onto
//!   the newest-first list (invocations sent after the first page never shift the next ones),
//!   empty on the last page, `InvalidParameter.NextToken` for a token not its own; otherwise
//!   with `PageNumber`/`PageSize` (max 50), `NextToken` then empty. `TotalCount` counts every
//!   match either way. `DescribeInvocationResults` and `DescribeCloudAssistantStatus` page with
//!   `PageNumber`/`PageSize` only (`NextToken` empty). The last 1,000 invocations per account
//!   and region are kept;
//!   older ones are forgotten (their `InvokeId` then lists nothing).
//! * `DescribeCloudAssistantStatus`: `CloudAssistantStatus` is `"true"` for a running
//!   instance whose agent is online; unknown IDs in `InstanceId.N` are left out.
//! * The guest ([`crate::state::guest`]): the emulator runs no shell. It recognises EIP Desk's
//!   scripts by the marker line `# eipdesk-guest-script: op=… mac=… [metric=…]` and applies
//!   the declared effect (`configure`: DHCP on and NIC up; `revert`; `metric`; `verify`
//!   answers `{"addr": <ip -j addr>, "route": <ip -j route>}` on Linux, the adapters,
//!   addresses and routes as JSON on Windows, from the model). A marked script naming a MAC
//!   no NIC has exits 3. Other scripts only print their `echo` (`Write-Output`) lines and
//!   exit with their `exit N` line's code. The real scripts' effect is proven on a real
//!   network stack by the namespace test, not here.
//! * Guest model: `eth0` is the primary ENI (always up, private IP, default route metric
//!   100); attached secondary ENIs are `eth1`, `eth2`, … in table order, down until DHCP is
//!   enabled on their MAC; a configured cut-through NIC carries its `InUse` `BINDED` EIP
//!   (prefix /24, gateway `.1` of that /24, or `.254` for an EIP ending in `.1`), any other
//!   its primary private IP (vSwitch prefix, gateway the block's `.253`). Default metric of
//!   `ethN` is 100 + N. A vSwitch gateway and the DHCP lease of a cut-through ENI are not
//!   documented; these are plausible values.
//! * Control: `/_emulator/guests/{account}/{region}/{instance}` reads or replaces a guest:
//!   take its agent offline, or arm a fault (`fail` with exit code and output, or `hang`)
//!   that the next marked script meets instead of its effect.
//!
//! ## Security-group rules
//!
//! * `DescribeSecurityGroupAttribute`, `AuthorizeSecurityGroup`, `RevokeSecurityGroup` cover
//!   inbound CIDR rules only (no source groups, prefix lists or IPv6). Seeded groups have no
//!   rules. Checks: `InvalidSecurityGroupId.NotFound` (404); `IpProtocol` (any case) must be
//!   `TCP`, `UDP`, `ICMP`, `GRE` or `ALL` (`InvalidIpProtocol.Malformed`); `PortRange` is
//!   `a/b` with 1 ≤ a ≤ b ≤ 65535 for TCP/UDP and `-1/-1` otherwise
//!   (`InvalidPortRange.Malformed`); `SourceCidrIp` must be a CIDR
//!   (`InvalidSourceCidrIp.Malformed`); `Policy` `accept`/`drop` (`InvalidPolicy.Malformed`);
//!   `Priority` 1–100; at most 200 rules (`AuthorizationLimitExceed`, 403).
//! * Authorizing a rule identical to an existing one (protocol, ports, source, policy)
//!   succeeds without adding it; revoking a rule that does not exist succeeds. Rules are
//!   given by `Permissions.N.*` or the legacy top-level parameters; `RevokeSecurityGroup`
//!   also takes `SecurityGroupRuleId.N`. Rule IDs are `sgr-` and 20 base-36 characters.
