//! Cloud Assistant (ECS 2014-05-26): `RunCommand`, `DescribeInvocations`,
//! `DescribeInvocationResults`, `DescribeCloudAssistantStatus`. Invocations are kept per
//! account and region; their statuses follow the emulator clock
//! ([`crate::state::invocation`]); what a script does to the guest is
//! [`super::guest_script`].

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Map, Value, json};

use super::paging::{PageNumber, TokenPage};
use super::{ActionResult, Ctx, guest_script, list};
use crate::auth::timestamp::format_ms;
use crate::protocol::ApiError;
use crate::state::guest::GuestOs;
use crate::state::ids;
use crate::state::invocation::{Invocation, Outcome, Status, Target};
use crate::state::model::InstanceStatus;

/// Largest Base64-encoded `CommandContent` (24 KB).
const MAX_CONTENT: usize = 24 * 1024;
/// Largest `Output` kept (24 KB); the rest is counted in `Dropped`.
const MAX_OUTPUT: usize = 24 * 1024;
/// Invocations kept per account and region; the oldest is forgotten beyond this.
const MAX_INVOCATIONS: usize = 1000;
const TYPES: [&str; 3] = ["RunShellScript", "RunPowerShellScript", "RunBatScript"];
const ID_ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `t-hz…` / `c-hz…`: the kind, the region's abbreviation, then base-36 characters up to 14
/// after the dash (the length of the official examples, `t-hz0jdfwd9f****`).
fn assistant_id(kind: &str, region: &str, key: &str) -> String {
    let rest = 14usize.saturating_sub(region.len()).max(8);
    format!(
        "{kind}-{region}{}",
        ids::token_chars(key, rest, ID_ALPHABET)
    )
}

fn base64_wanted(ctx: &Ctx<'_>) -> bool {
    !ctx.params
        .get("ContentEncoding")
        .is_some_and(|e| e.eq_ignore_ascii_case("PlainText"))
}

fn encode(text: &str, base64: bool) -> String {
    if base64 {
        B64.encode(text)
    } else {
        text.to_string()
    }
}

fn time(ms: Option<i64>) -> String {
    ms.map(format_ms).unwrap_or_default()
}

fn content(ctx: &Ctx<'_>) -> Result<String, ApiError> {
    let raw = ctx.params.required("CommandContent")?;
    let base64 = ctx
        .params
        .get("ContentEncoding")
        .is_some_and(|e| e.eq_ignore_ascii_case("Base64"));
    let encoded_len = if base64 {
        raw.len()
    } else {
        raw.len().div_ceil(3) * 4
    };
    if encoded_len > MAX_CONTENT {
        return Err(ApiError::bad(
            "InvalidCommandContent.ExceedLimit",
            "The Base64-encoded command content exceeds 24 KB.",
        ));
    }
    if !base64 {
        return Ok(raw.to_string());
    }
    B64.decode(raw.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| {
            ApiError::bad(
                "InvalidCommandContent.Malformed",
                "The specified CommandContent is not valid Base64.",
            )
        })
}

fn timeout(ctx: &Ctx<'_>) -> Result<u64, ApiError> {
    let t = ctx.params.int("Timeout", 60)?;
    if !(10..=86_400).contains(&t) {
        return Err(ApiError::bad(
            "InvalidParam.Timeout",
            "The specified Timeout must be between 10 and 86400 seconds.",
        ));
    }
    Ok(u64::try_from(t).unwrap_or(60))
}

/// `RunCommand`.
pub fn run_command(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let command_type = ctx.params.required("Type")?.to_string();
    if !TYPES.contains(&command_type.as_str()) {
        return Err(ApiError::bad(
            "InvalidCmdType.NotFound",
            "The specified command type does not exist.",
        ));
    }
    let script = content(ctx)?;
    let timeout_s = timeout(ctx)?;
    let instance_ids = ctx.params.list("InstanceId");
    if instance_ids.is_empty() {
        return Err(ApiError::missing("InstanceId"));
    }
    if instance_ids.len() > 100 {
        return Err(ApiError::bad(
            "InstanceIds.ExceedLimit",
            "The number of instances exceeds 100.",
        ));
    }
    let p = ctx.params;
    let name = p.get("Name").unwrap_or_default().to_string();
    let description = p.get("Description").unwrap_or_default().to_string();
    let username = p.get("Username").unwrap_or_default().to_string();
    let working_dir = p.get("WorkingDir").unwrap_or_default().to_string();
    let phase_ms = ctx.settings.delays.command_ms;
    let now = ctx.now_ms;
    let invoke_key = ctx.world.next_key("invoke");
    let command_key = ctx.world.next_key("command");
    let res = ctx.resources(region);
    let mut instances = Vec::with_capacity(instance_ids.len());
    for id in &instance_ids {
        let instance = res.instances.get(id).cloned().ok_or_else(|| {
            ApiError::not_found(
                "InvalidInstance.NotFound",
                format!("The specified instance \u{201c}{id}\u{201d} does not exist."),
            )
        })?;
        instances.push(instance);
    }
    let mut targets = Vec::with_capacity(instances.len());
    for instance in &instances {
        let guest = res.guests.entry(instance.id.clone()).or_default();
        guest.invocation_count += 1;
        guest.last_invoked_ms = Some(now);
        let offline = guest.agent_offline;
        let outcome = if instance.status != InstanceStatus::Running {
            Outcome::Aborted {
                error_code: "InstanceNotRunning".into(),
                error_info: "the instance is not running when create task".into(),
            }
        } else if offline {
            Outcome::Aborted {
                error_code: "ClientNotRunning".into(),
                error_info: "the aliyun service is not running on the instance".into(),
            }
        } else {
            guest_script::run(res, instance, &command_type, &script)
        };
        targets.push(Target {
            instance_id: instance.id.clone(),
            outcome,
        });
    }
    let invocation = Invocation {
        id: assistant_id("t", region.assistant, &invoke_key),
        command_id: assistant_id("c", region.assistant, &command_key),
        targets,
        name,
        description,
        command_type,
        content: script,
        timeout_s,
        username,
        working_dir,
        created_ms: now,
        phase_ms,
    };
    let fields = json!({"InvokeId": invocation.id, "CommandId": invocation.command_id});
    res.invocations.insert(invocation);
    if res.invocations.len() > MAX_INVOCATIONS {
        let oldest = res.invocations.values().next().map(|i| i.id.clone());
        if let Some(id) = oldest {
            res.invocations.remove(&id);
        }
    }
    Ok(as_map(fields).into())
}

fn as_map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn output_fields(s: &Status, base64: bool) -> (String, usize) {
    let bytes = s.output.as_bytes();
    let kept = if bytes.len() > MAX_OUTPUT {
        String::from_utf8_lossy(&bytes[..MAX_OUTPUT]).into_owned()
    } else {
        s.output.clone()
    };
    (
        encode(&kept, base64),
        bytes.len().saturating_sub(MAX_OUTPUT),
    )
}

fn result_item(inv: &Invocation, t: &Target, now: i64, base64: bool) -> Value {
    let s = inv.status(&t.outcome, now);
    let (output, dropped) = output_fields(&s, base64);
    json!({
        "CommandId": inv.command_id, "InvokeId": inv.id, "InstanceId": t.instance_id,
        "InvocationStatus": s.invocation_status, "InvokeRecordStatus": s.record_status,
        "ExitCode": s.exit_code, "Output": output, "Dropped": dropped,
        "ErrorCode": s.error_code, "ErrorInfo": s.error_info,
        "StartTime": time(s.start_ms), "FinishedTime": time(s.finished_ms), "StopTime": "",
        "Repeats": 1, "Username": inv.username, "Launcher": "", "ContainerId": "",
        "ContainerName": "", "TerminationMode": "", "Tags": {"Tag": []},
    })
}

/// `DescribeInvocationResults`.
pub fn describe_results(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let page = PageNumber::read(ctx.params, 10, 50)?;
    let base64 = base64_wanted(ctx);
    let p = ctx.params;
    let (invoke, instance, command, record) = (
        p.get("InvokeId"),
        p.get("InstanceId"),
        p.get("CommandId"),
        p.get("InvokeRecordStatus"),
    );
    let now = ctx.now_ms;
    let mut items = Vec::new();
    if let Some(res) = ctx.world.region(&ctx.caller.account_id, region.id) {
        for inv in res.invocations.values() {
            if invoke.is_some_and(|i| i != inv.id) || command.is_some_and(|c| c != inv.command_id) {
                continue;
            }
            for t in &inv.targets {
                if instance.is_some_and(|i| i != t.instance_id) {
                    continue;
                }
                let item = result_item(inv, t, now, base64);
                if record.is_some_and(|r| item["InvokeRecordStatus"] != r) {
                    continue;
                }
                items.push(item);
            }
        }
    }
    let total = items.len();
    let mut inner = page.fields(total, Some(String::new()));
    inner.insert(
        "InvocationResults".into(),
        list("InvocationResult", page.slice(items)),
    );
    let mut body = Map::new();
    body.insert("Invocation".into(), Value::Object(inner));
    Ok(body.into())
}

/// `DescribeInvocations`.
pub fn describe_invocations(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let page = PageNumber::read(ctx.params, 10, 50)?;
    let token_page = TokenPage::read(ctx.params, 10, 1, 50)?;
    // Newest first: the first page starts at the newest row, a token at the row it names.
    let from_seq = match (token_page, ctx.params.get("NextToken")) {
        (Some(tp), Some(_)) => tp.start_seq,
        _ => u64::MAX,
    };
    let base64 = base64_wanted(ctx);
    let p = ctx.params;
    let include_output = p.bool("IncludeOutput", false)?;
    let (invoke, instance, command, status) = (
        p.get("InvokeId"),
        p.get("InstanceId"),
        p.get("CommandId"),
        p.get("InvokeStatus"),
    );
    let now = ctx.now_ms;
    let mut items = Vec::new();
    let (mut total, mut next) = (0, String::new());
    if let Some(res) = ctx.world.region(&ctx.caller.account_id, region.id) {
        let wanted = |inv: &Invocation| {
            let (_, invoke_status) = inv.overall(now);
            !(invoke.is_some_and(|i| i != inv.id)
                || command.is_some_and(|c| c != inv.command_id)
                || status.is_some_and(|s| s != invoke_status)
                || instance.is_some_and(|i| !inv.targets.iter().any(|t| t.instance_id == i)))
        };
        total = res.invocations.values().filter(|i| wanted(i)).count();
        let newest_first = res.invocations.iter_back_from(from_seq);
        let rows: Vec<&Invocation> = match token_page {
            Some(tp) => {
                let (rows, token) = tp.take(newest_first.filter(|(_, i)| wanted(i)));
                next = token;
                rows
            }
            None => page.slice(newest_first.map(|(_, i)| i).filter(|i| wanted(i)).collect()),
        };
        for inv in rows {
            let (overall, invoke_status) = inv.overall(now);
            let instances: Vec<Value> = inv
                .targets
                .iter()
                .map(|t| {
                    let s = inv.status(&t.outcome, now);
                    let (output, dropped) = if include_output {
                        output_fields(&s, base64)
                    } else {
                        (String::new(), 0)
                    };
                    json!({
                        "InstanceId": t.instance_id, "InvocationStatus": s.invocation_status,
                        "InstanceInvokeStatus": s.record_status, "ExitCode": s.exit_code,
                        "Output": output, "Dropped": dropped, "ErrorCode": s.error_code,
                        "ErrorInfo": s.error_info, "Repeats": 1,
                        "CreationTime": format_ms(inv.created_ms),
                        "UpdateTime": format_ms(s.finished_ms.or(s.start_ms).unwrap_or(inv.created_ms)),
                        "StartTime": time(s.start_ms), "FinishTime": time(s.finished_ms),
                        "StopTime": "",
                    })
                })
                .collect();
            items.push(json!({
                "InvokeId": inv.id, "CommandId": inv.command_id, "CommandName": inv.name,
                "CommandType": inv.command_type, "CommandDescription": inv.description,
                "CommandContent": encode(&inv.content, base64),
                "CreationTime": format_ms(inv.created_ms), "Frequency": "", "RepeatMode": "Once",
                "InvocationStatus": overall, "InvokeStatus": invoke_status, "Timed": false,
                "Timeout": inv.timeout_s, "Username": inv.username, "WorkingDir": inv.working_dir,
                "Parameters": "{}", "Launcher": "", "ContainerId": "", "ContainerName": "",
                "TerminationMode": "", "Tags": {"Tag": []},
                "InvokeInstances": {"InvokeInstance": instances},
            }));
        }
    }
    let page = token_page.map_or(page, |tp| PageNumber {
        number: 1,
        size: tp.max,
    });
    let mut body = page.fields(total, Some(next));
    body.insert("Invocations".into(), list("Invocation", items));
    Ok(body.into())
}

/// `DescribeCloudAssistantStatus`.
pub fn describe_status(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let page = PageNumber::read(ctx.params, 10, 50)?;
    let wanted = ctx.params.list("InstanceId");
    if wanted.len() > 50 {
        return Err(ApiError::invalid_param(
            "InstanceId",
            "At most 50 IDs are allowed.",
        ));
    }
    let os_filter = ctx.params.get("OSType").map(str::to_ascii_lowercase);
    let now = ctx.now_ms;
    let mut items = Vec::new();
    if let Some(res) = ctx.world.region(&ctx.caller.account_id, region.id) {
        for instance in res.instances.values() {
            if !wanted.is_empty() && !wanted.contains(&instance.id) {
                continue;
            }
            let os = GuestOs::of(instance);
            if os_filter
                .as_deref()
                .is_some_and(|f| f != os.label().to_ascii_lowercase())
            {
                continue;
            }
            let guest = res.guests.get(&instance.id).cloned().unwrap_or_default();
            let online = instance.status == InstanceStatus::Running && !guest.agent_offline;
            let active = res
                .invocations
                .values()
                .flat_map(|i| i.targets.iter().map(move |t| (i, t)))
                .filter(|(i, t)| {
                    t.instance_id == instance.id
                        && matches!(
                            i.status(&t.outcome, now).invocation_status,
                            "Pending" | "Running"
                        )
                })
                .count();
            items.push(json!({
                "InstanceId": instance.id,
                "CloudAssistantStatus": if online { "true" } else { "false" },
                "CloudAssistantVersion": match os {
                    GuestOs::Linux => "2.2.3.857",
                    GuestOs::Windows => "2.1.3.857",
                },
                "LastHeartbeatTime": if online { format_ms(now) } else { String::new() },
                "OSType": os.label(),
                "ActiveTaskCount": active,
                "InvocationCount": guest.invocation_count,
                "LastInvokedTime": time(guest.last_invoked_ms),
                "SupportSessionManager": online,
            }));
        }
    }
    let total = items.len();
    let mut body = page.fields(total, Some(String::new()));
    body.insert(
        "InstanceCloudAssistantStatusSet".into(),
        list("InstanceCloudAssistantStatus", page.slice(items)),
    );
    Ok(body.into())
}
