//! Linux instructions: find the NIC by MAC, write the distribution's DHCP configuration for it
//! (ifcfg, netplan or ifupdown), restart it, then inspect and tune route priority.

use super::{GuestNic, GuideStep, GuideText, OsFamily, step};

/// Shell lines that set `$NIC` to the interface name with the ENI's MAC address.
fn find_nic(mac: &str) -> String {
    format!(
        "MAC={mac}\n\
         NIC=$(ip -o link show | awk -v mac=\"$MAC\" 'tolower($0) ~ mac {{ sub(\":\", \"\", $2); print $2; exit }}')\n\
         echo \"The interface with MAC $MAC is: $NIC\""
    )
}

fn dhcp_config(nic: &GuestNic, family: OsFamily) -> (GuideText, String) {
    let ip = nic.eip_address.clone();
    let mac = nic.mac_linux();
    match family {
        OsFamily::Ubuntu => {
            let file = format!("/etc/netplan/60-eipdesk-{}.yaml", nic.eni_id);
            (
                GuideText::DhcpNetplan { ip },
                format!(
                    "sudo tee {file} >/dev/null <<'EOF'\n\
                     network:\n  version: 2\n  ethernets:\n    eipdesk-nic:\n      match:\n        macaddress: \"{mac}\"\n      dhcp4: true\n      dhcp4-overrides:\n        route-metric: 200\n\
                     EOF\n\
                     sudo chmod 600 {file}\n\
                     sudo netplan apply"
                ),
            )
        }
        OsFamily::Debian => (
            GuideText::DhcpIfupdown { ip },
            format!(
                "{}\n\
                 sudo tee /etc/network/interfaces.d/$NIC >/dev/null <<EOF\n\
                 allow-hotplug $NIC\n\
                 iface $NIC inet dhcp\n    metric 200\n\
                 EOF\n\
                 sudo ifdown $NIC 2>/dev/null; sudo ifup $NIC",
                find_nic(&mac)
            ),
        ),
        _ => (
            GuideText::DhcpIfcfg { ip },
            format!(
                "{}\n\
                 sudo tee /etc/sysconfig/network-scripts/ifcfg-$NIC >/dev/null <<EOF\n\
                 DEVICE=$NIC\nHWADDR={mac}\nTYPE=Ethernet\nBOOTPROTO=dhcp\nONBOOT=yes\n\
                 EOF\n\
                 # Alibaba Cloud Linux 2 / CentOS 7:\n\
                 sudo ifdown $NIC; sudo ifup $NIC\n\
                 # Alibaba Cloud Linux 3 / CentOS 8 (NetworkManager):\n\
                 # sudo nmcli connection reload && sudo nmcli connection up \"System $NIC\"",
                find_nic(&mac)
            ),
        ),
    }
}

pub(super) fn steps(nic: &GuestNic, family: OsFamily) -> Vec<GuideStep> {
    let mac = nic.mac_linux();
    let (config_text, config_commands) = dhcp_config(nic, family);
    vec![
        step(
            GuideText::FindNicTitle,
            GuideText::FindNic {
                eni: nic.eni_id.clone(),
                mac: mac.clone(),
            },
            Some(find_nic(&mac)),
        ),
        step(GuideText::DhcpTitle, config_text, Some(config_commands)),
        step(
            GuideText::CheckTitle,
            GuideText::CheckNic {
                ip: nic.eip_address.clone(),
            },
            Some(format!("{}\nip -4 addr show dev \"$NIC\"", find_nic(&mac))),
        ),
        step(
            GuideText::RouteTitle,
            GuideText::RouteNic,
            Some(format!(
                "ip route show\n\
                 {}\n\
                 GW=$(ip route show dev \"$NIC\" | awk '/^default/ {{ print $3; exit }}')\n\
                 # Prefer the new NIC for all outbound traffic (lower metric = higher priority):\n\
                 sudo ip route replace default via \"$GW\" dev \"$NIC\" metric 50\n\
                 # Or only answer traffic sent to the EIP through its own NIC:\n\
                 sudo ip route add default via \"$GW\" dev \"$NIC\" table 100\n\
                 sudo ip rule add from {} table 100",
                find_nic(&mac),
                nic.eip_address
            )),
        ),
    ]
}
