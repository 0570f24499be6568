//! How a script sent with `RunCommand` changes the modelled guest ([`crate::state::guest`]).
//! The emulator runs no shell. It recognises EIP Desk's own scripts by a stable marker line,
//!
//! ```text
//! # eipdesk-guest-script: op=<configure|verify|revert|metric> mac=<mac> [metric=<n>]
//! ```
//!
//! and applies the effect the marker declares (the real scripts do the same on a real OS; the
//! namespace test proves the Linux ones): `configure` enables DHCP on the NIC with that MAC
//! (and sets its metric when given), `revert` turns it off again, `metric` sets the default
//! route metric, `verify` prints the addresses and routes from the model (Linux:
//! `{"addr": <ip -j addr>, "route": <ip -j route>}`; Windows: the adapters, addresses and
//! routes as `ConvertTo-Json` prints them). Any other script prints what its `echo` lines
//! (Linux) or `Write-Output` lines (Windows) print, exits with the code of an `exit N` line
//! (0 without one) and changes nothing.

use crate::state::RegionState;
use crate::state::guest::{self, GuestOs, GuestState, ScriptFault};
use crate::state::invocation::Outcome;
use crate::state::model::Instance;

/// The marker of EIP Desk's scripts.
pub const MARKER: &str = "eipdesk-guest-script:";

/// What a marked script declares.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Declared {
    op: String,
    mac: String,
    metric: Option<u32>,
}

fn declared(content: &str) -> Option<Declared> {
    let line = content.lines().find(|l| l.contains(MARKER))?;
    let rest = &line[line.find(MARKER)? + MARKER.len()..];
    let mut d = Declared {
        op: String::new(),
        mac: String::new(),
        metric: None,
    };
    for pair in rest.split_whitespace() {
        match pair.split_once('=') {
            Some(("op", v)) => d.op = v.to_string(),
            Some(("mac", v)) => d.mac = v.to_ascii_lowercase().replace('-', ":"),
            Some(("metric", v)) => d.metric = v.parse().ok(),
            _ => {}
        }
    }
    Some(d)
}

/// Whether a script type runs on the OS.
fn applicable(command_type: &str, os: GuestOs) -> bool {
    match os {
        GuestOs::Linux => command_type == "RunShellScript",
        GuestOs::Windows => matches!(command_type, "RunPowerShellScript" | "RunBatScript"),
    }
}

/// Runs `content` on the guest of `instance`: decides the outcome and applies the effect.
pub fn run(
    region: &mut RegionState,
    instance: &Instance,
    command_type: &str,
    content: &str,
) -> Outcome {
    let os = GuestOs::of(instance);
    if !applicable(command_type, os) {
        return Outcome::Invalid {
            error_code: "InvalidCommandType".into(),
            error_info: "the command is not applicable".into(),
        };
    }
    let Some(d) = declared(content) else {
        return plain(content, os);
    };
    let mut state = region.guests.remove(&instance.id).unwrap_or_default();
    let outcome = match state.fault.take() {
        Some(ScriptFault::Hang) => Outcome::Hung,
        Some(ScriptFault::Fail { exit_code, output }) => Outcome::Exited { exit_code, output },
        None => apply(region, instance, &mut state, &d, os),
    };
    region.guests.insert(instance.id.clone(), state);
    outcome
}

fn apply(
    region: &RegionState,
    instance: &Instance,
    state: &mut GuestState,
    d: &Declared,
    os: GuestOs,
) -> Outcome {
    let nics = guest::nics(region, instance, state);
    if d.op == "verify" {
        let output = match os {
            GuestOs::Linux => serde_json::json!({
                "addr": guest::ip_addr_json(&nics),
                "route": guest::ip_route_json(&nics),
            }),
            GuestOs::Windows => guest::windows_json(&nics),
        };
        return exited(0, format!("{output}\n"));
    }
    let Some(nic) = nics.iter().find(|n| n.mac == d.mac) else {
        return exited(
            3,
            format!("eipdesk: no network interface has MAC {}\n", d.mac),
        );
    };
    match d.op.as_str() {
        "configure" => {
            state.dhcp_macs.insert(nic.mac.clone());
            if let Some(m) = d.metric {
                state.metrics.insert(nic.mac.clone(), m);
            }
            exited(
                0,
                format!(
                    "eipdesk: {} (MAC {}) uses DHCP and is up\n",
                    nic.name, nic.mac
                ),
            )
        }
        "revert" => {
            state.dhcp_macs.remove(&nic.mac);
            state.metrics.remove(&nic.mac);
            exited(
                0,
                format!("eipdesk: {} (MAC {}) restored\n", nic.name, nic.mac),
            )
        }
        "metric" => match d.metric {
            Some(m) => {
                state.metrics.insert(nic.mac.clone(), m);
                exited(
                    0,
                    format!("eipdesk: default route via {} has metric {m}\n", nic.name),
                )
            }
            None => exited(2, "eipdesk: metric missing\n".into()),
        },
        other => exited(2, format!("eipdesk: unknown operation {other}\n")),
    }
}

fn exited(exit_code: i64, output: String) -> Outcome {
    Outcome::Exited { exit_code, output }
}

/// An unmarked script: its echo lines and exit code, nothing else.
fn plain(content: &str, os: GuestOs) -> Outcome {
    let echo = match os {
        GuestOs::Linux => "echo ",
        GuestOs::Windows => "Write-Output ",
    };
    let mut output = String::new();
    let mut exit_code = 0;
    for line in content.lines().map(str::trim) {
        if let Some(text) = line.strip_prefix(echo) {
            output.push_str(text.trim_matches(|c| c == '"' || c == '\''));
            output.push('\n');
        } else if let Some(code) = line.strip_prefix("exit ") {
            exit_code = code.trim().parse().unwrap_or(1);
            break;
        }
    }
    exited(exit_code, output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_declares_op_mac_and_metric() {
        let d = declared("#!/bin/sh\n# eipdesk-guest-script: op=configure mac=00-16-3E-0A-0B-0C metric=200\nexit 0").unwrap();
        assert_eq!(d.op, "configure");
        assert_eq!(d.mac, "00:16:3e:0a:0b:0c");
        assert_eq!(d.metric, Some(200));
        assert!(declared("echo hi").is_none());
    }

    #[test]
    fn unmarked_scripts_echo_and_exit() {
        assert_eq!(
            plain("echo \"hello\"\nexit 4\necho no", GuestOs::Linux),
            exited(4, "hello\n".into())
        );
        assert_eq!(
            plain("Write-Output 'hi'", GuestOs::Windows),
            exited(0, "hi\n".into())
        );
    }
}
