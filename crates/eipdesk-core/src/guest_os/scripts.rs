//! The scripts EIP Desk runs in the guest through Cloud Assistant: configure (DHCP on the NIC
//! with the ENI's MAC, bring it up, optionally set its default-route metric), revert, and
//! verify (print addresses and routes as JSON). Each starts with the marker line
//!
//! ```text
//! # eipdesk-guest-script: op=<configure|verify|revert> mac=<mac> [metric=<n>]
//! ```
//!
//! which says what it does; the emulator recognises it (see its `behaviour.rs`). The Linux
//! scripts are run for real, in a network namespace with a DHCP server, by
//! `tests/guest_namespace.rs`. `EIPDESK_GUEST_PERSIST=none` in the environment makes the
//! Linux configure script skip writing the distribution's files; `EIPDESK_GUEST_ROOT=<dir>`
//! makes the Linux scripts write and remove them under `<dir>/etc` instead of `/etc` (the
//! namespace test uses one or the other, so it never touches the host's `/etc`).

use super::{GuestNic, OsFamily};

/// The marker every script carries.
pub const MARKER: &str = "eipdesk-guest-script:";

/// What a guest script does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptOp {
    Configure,
    Revert,
    Verify,
}

impl ScriptOp {
    fn name(self) -> &'static str {
        match self {
            ScriptOp::Configure => "configure",
            ScriptOp::Revert => "revert",
            ScriptOp::Verify => "verify",
        }
    }
}

/// A script ready for `RunCommand`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestScript {
    /// `RunShellScript` or `RunPowerShellScript`.
    pub command_type: &'static str,
    pub content: String,
}

fn marker(op: ScriptOp, mac: &str, metric: Option<u32>) -> String {
    let metric = metric.map(|m| format!(" metric={m}")).unwrap_or_default();
    format!("# {MARKER} op={} mac={mac}{metric}", op.name())
}

/// The script for `op` on `os`.
pub fn script(os: OsFamily, op: ScriptOp, nic: &GuestNic, metric: Option<u32>) -> GuestScript {
    match os {
        OsFamily::Windows => GuestScript {
            command_type: "RunPowerShellScript",
            content: windows(op, nic, metric),
        },
        family => GuestScript {
            command_type: "RunShellScript",
            content: linux(family, op, nic, metric),
        },
    }
}

const FIND_NIC: &str = r#"NIC=$(ip -o link show | awk -v mac="$MAC" 'tolower($0) ~ mac { sub(":", "", $2); sub("@.*", "", $2); print $2; exit }')
if [ -z "$NIC" ]; then echo "eipdesk: no network interface has MAC $MAC" >&2; exit 3; fi
"#;

const VERIFY_LINUX: &str = r#"printf '{"addr":%s,"route":%s}\n' "$(ip -j addr)" "$(ip -j route)"
"#;

/// Runtime part shared by every family: bring the NIC up with a DHCP client, then set the
/// metric of its default route.
const DHCP_NOW: &str = r#"ip link set dev "$NIC" up
if command -v dhclient >/dev/null 2>&1; then dhclient -1 "$NIC"
elif command -v dhcpcd >/dev/null 2>&1; then dhcpcd -1 "$NIC"
elif command -v udhcpc >/dev/null 2>&1; then udhcpc -n -q -i "$NIC"
elif command -v networkctl >/dev/null 2>&1; then networkctl reconfigure "$NIC"
fi
"#;

const SET_METRIC: &str = r#"if [ -n "$METRIC" ]; then
  GW=$(ip -4 route show default dev "$NIC" | awk '{ print $3; exit }')
  if [ -n "$GW" ]; then
    ip route del default dev "$NIC" 2>/dev/null || true
    ip route add default via "$GW" dev "$NIC" metric "$METRIC"
  fi
fi
"#;

fn persist_linux(family: OsFamily, nic: &GuestNic, metric: Option<u32>) -> String {
    let mac = nic.mac_linux();
    let m = metric.unwrap_or(200);
    match family {
        OsFamily::Ubuntu => format!(
            "if command -v netplan >/dev/null 2>&1; then\n\
             cat > \"$R/etc/netplan/60-eipdesk-{eni}.yaml\" <<'EOF'\n\
             network:\n  version: 2\n  ethernets:\n    eipdesk-nic:\n      match:\n        macaddress: \"{mac}\"\n      dhcp4: true\n      dhcp4-overrides:\n        route-metric: {m}\n\
             EOF\n\
             chmod 600 \"$R/etc/netplan/60-eipdesk-{eni}.yaml\"\nnetplan apply\nfi\n",
            eni = nic.eni_id
        ),
        OsFamily::Debian => format!(
            "if [ -d \"$R/etc/network/interfaces.d\" ]; then\n\
             printf 'allow-hotplug %s\\niface %s inet dhcp\\n    metric {m}\\n' \"$NIC\" \"$NIC\" > \"$R/etc/network/interfaces.d/$NIC\"\nfi\n"
        ),
        _ => format!(
            "if [ -d \"$R/etc/sysconfig/network-scripts\" ]; then\n\
             printf 'DEVICE=%s\\nHWADDR={mac}\\nTYPE=Ethernet\\nBOOTPROTO=dhcp\\nONBOOT=yes\\nMETRIC={m}\\n' \"$NIC\" > \"$R/etc/sysconfig/network-scripts/ifcfg-$NIC\"\n\
             if command -v nmcli >/dev/null 2>&1; then nmcli connection reload || true; fi\nfi\n"
        ),
    }
}

fn unpersist_linux(nic: &GuestNic) -> String {
    format!(
        "rm -f \"$R/etc/netplan/60-eipdesk-{}.yaml\" \"$R/etc/network/interfaces.d/$NIC\" \"$R/etc/sysconfig/network-scripts/ifcfg-$NIC\"\n\
         if command -v netplan >/dev/null 2>&1; then netplan apply || true; fi\n",
        nic.eni_id
    )
}

fn linux(family: OsFamily, op: ScriptOp, nic: &GuestNic, metric: Option<u32>) -> String {
    let mac = nic.mac_linux();
    let head = format!(
        "#!/bin/sh\n{}\nset -eu\nMAC={mac}\nMETRIC={}\nR=\"${{EIPDESK_GUEST_ROOT:-}}\"\n",
        marker(op, &mac, metric),
        metric.map(|m| m.to_string()).unwrap_or_default()
    );
    match op {
        ScriptOp::Verify => format!("{head}{VERIFY_LINUX}"),
        ScriptOp::Configure => format!(
            "{head}{FIND_NIC}if [ \"${{EIPDESK_GUEST_PERSIST:-yes}}\" != none ]; then\n{}fi\n{DHCP_NOW}{SET_METRIC}echo \"eipdesk: $NIC (MAC $MAC) uses DHCP and is up\"\nip -4 addr show dev \"$NIC\"\n",
            persist_linux(family, nic, metric)
        ),
        ScriptOp::Revert => format!(
            "{head}{FIND_NIC}if [ \"${{EIPDESK_GUEST_PERSIST:-yes}}\" != none ]; then\n{}fi\n\
             if command -v dhclient >/dev/null 2>&1; then dhclient -r \"$NIC\" || true; fi\n\
             ip -4 addr flush dev \"$NIC\"\nip link set dev \"$NIC\" down\necho \"eipdesk: $NIC (MAC $MAC) restored\"\n",
            unpersist_linux(nic)
        ),
    }
}

fn windows(op: ScriptOp, nic: &GuestNic, metric: Option<u32>) -> String {
    let mac = nic.mac_windows();
    let head = format!(
        "{}\n$ErrorActionPreference = 'Stop'\n$mac = '{mac}'\n",
        marker(op, &mac, metric)
    );
    let find = "$nic = Get-NetAdapter | Where-Object { $_.MacAddress -eq $mac }\nif (-not $nic) { Write-Error \"eipdesk: no network adapter has MAC $mac\"; exit 3 }\n";
    match op {
        ScriptOp::Verify => format!(
            "{head}[pscustomobject]@{{\n  adapters = @(Get-NetAdapter | Select-Object Name, ifIndex, MacAddress, Status)\n  addresses = @(Get-NetIPAddress -AddressFamily IPv4 | Select-Object InterfaceAlias, InterfaceIndex, IPAddress, PrefixLength)\n  routes = @(Get-NetRoute -AddressFamily IPv4 -DestinationPrefix '0.0.0.0/0' | ForEach-Object {{ [pscustomobject]@{{ InterfaceAlias = $_.InterfaceAlias; InterfaceIndex = $_.InterfaceIndex; NextHop = $_.NextHop; RouteMetric = $_.RouteMetric; InterfaceMetric = (Get-NetIPInterface -InterfaceIndex $_.InterfaceIndex -AddressFamily IPv4).InterfaceMetric }} }})\n}} | ConvertTo-Json -Depth 4 -Compress\n"
        ),
        ScriptOp::Configure => format!(
            "{head}{find}Set-NetIPInterface -InterfaceIndex $nic.ifIndex -Dhcp Enabled\nSet-DnsClientServerAddress -InterfaceIndex $nic.ifIndex -ResetServerAddresses\n{}Restart-NetAdapter -Name $nic.Name\nWrite-Output \"eipdesk: $($nic.Name) (MAC $mac) uses DHCP and is up\"\n",
            metric
                .map(|m| format!(
                    "Set-NetIPInterface -InterfaceIndex $nic.ifIndex -InterfaceMetric {m}\n"
                ))
                .unwrap_or_default()
        ),
        ScriptOp::Revert => format!(
            "{head}{find}Set-NetIPInterface -InterfaceIndex $nic.ifIndex -InterfaceMetric 0 -AutomaticMetric Enabled\nDisable-NetAdapter -Name $nic.Name -Confirm:$false\nWrite-Output \"eipdesk: $($nic.Name) (MAC $mac) restored\"\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nic() -> GuestNic {
        GuestNic {
            mac: "00:16:3E:0A:0B:0C".into(),
            eni_id: "eni-bp1abc".into(),
            eip_address: "47.96.1.2".into(),
        }
    }

    #[test]
    fn every_script_starts_with_its_marker_naming_op_and_mac() {
        for os in OsFamily::ALL {
            for op in [ScriptOp::Configure, ScriptOp::Revert, ScriptOp::Verify] {
                let s = script(os, op, &nic(), Some(50));
                let line = s
                    .content
                    .lines()
                    .find(|l| l.contains(MARKER))
                    .unwrap_or_else(|| panic!("{os:?} {op:?}"));
                assert!(line.contains(&format!("op={}", op.name())), "{line}");
                assert!(
                    line.contains("mac=00:16:3e:0a:0b:0c")
                        || line.contains("mac=00-16-3E-0A-0B-0C"),
                    "{line}"
                );
                assert!(line.contains("metric=50"));
            }
        }
    }

    #[test]
    fn linux_scripts_find_the_nic_by_mac_and_use_dhcp() {
        let s = script(OsFamily::Debian, ScriptOp::Configure, &nic(), None);
        assert_eq!(s.command_type, "RunShellScript");
        assert!(s.content.contains("MAC=00:16:3e:0a:0b:0c"));
        assert!(s.content.contains("dhclient -1"));
        assert!(s.content.contains("EIPDESK_GUEST_PERSIST"));
        let v = script(OsFamily::Ubuntu, ScriptOp::Verify, &nic(), None);
        assert!(v.content.contains("ip -j addr") && v.content.contains("ip -j route"));
        let w = script(OsFamily::Windows, ScriptOp::Verify, &nic(), None);
        assert_eq!(w.command_type, "RunPowerShellScript");
        assert!(w.content.contains("ConvertTo-Json"));
    }
}
