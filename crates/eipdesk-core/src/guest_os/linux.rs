//! Linux instructions: find the NIC by MAC, write the distribution's DHCP configuration for it
//! (ifcfg, netplan or ifupdown), restart it, then inspect and tune route priority.

use super::{GuestNic, GuideStep, OsFamily, step};

/// Shell lines that set `$NIC` to the interface name with the ENI's MAC address.
fn find_nic(mac: &str) -> String {
    format!(
        "MAC={mac}\n\
         NIC=$(ip -o link show | awk -v mac=\"$MAC\" 'tolower($0) ~ mac {{ sub(\":\", \"\", $2); print $2; exit }}')\n\
         echo \"The interface with MAC $MAC is: $NIC\""
    )
}

fn dhcp_config(nic: &GuestNic, family: OsFamily) -> (String, String) {
    let mac = nic.mac_linux();
    match family {
        OsFamily::Ubuntu => {
            let file = format!("/etc/netplan/60-eipdesk-{}.yaml", nic.eni_id);
            (
                "netplan matches the NIC by MAC address, so the name does not matter.".to_string(),
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
            "ifupdown configures the NIC found above.".to_string(),
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
            "Alibaba Cloud Linux 2 and CentOS 7 restart it with ifdown/ifup; Alibaba Cloud Linux 3 and CentOS 8 use NetworkManager (nmcli).".to_string(),
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
            "1. Find the new NIC by its MAC address",
            format!(
                "The interface of {} has MAC address {mac}. Log in to the instance as root or with sudo.",
                nic.eni_id
            ),
            Some(find_nic(&mac)),
        ),
        step(
            "2. Enable DHCP on it and restart it",
            format!(
                "Cut-through takes effect once the NIC uses DHCP; it then carries {}. {config_text}",
                nic.eip_address
            ),
            Some(config_commands),
        ),
        step(
            "3. Check the address",
            format!(
                "The NIC should show {} (the EIP replaces its private IP).",
                nic.eip_address
            ),
            Some(format!("{}\nip -4 addr show dev \"$NIC\"", find_nic(&mac))),
        ),
        step(
            "4. Route priority",
            "The route via the new NIC has a lower priority (a higher metric) than the primary NIC's route, so outbound traffic keeps leaving through the primary NIC. Inspect the routes; to prefer the new NIC, give its default route a lower metric, or answer traffic sent to the EIP through its own NIC with a source rule.",
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
