//! Windows instructions (PowerShell as Administrator): find the adapter by MAC, enable DHCP,
//! restart it, then inspect and tune the interface metric.

use super::{GuestNic, GuideStep, step};

fn find_adapter(mac: &str) -> String {
    format!(
        "$nic = Get-NetAdapter | Where-Object {{ $_.MacAddress -eq '{mac}' }}\n$nic | Format-List Name, InterfaceDescription, ifIndex, MacAddress"
    )
}

pub(super) fn steps(nic: &GuestNic) -> Vec<GuideStep> {
    let mac = nic.mac_windows();
    vec![
        step(
            "1. Find the new adapter by its MAC address",
            format!(
                "Open PowerShell as Administrator. The adapter of {} has MAC address {mac}.",
                nic.eni_id
            ),
            Some(find_adapter(&mac)),
        ),
        step(
            "2. Enable DHCP on it and restart it",
            format!(
                "Cut-through takes effect once the adapter uses DHCP; it then carries {}.",
                nic.eip_address
            ),
            Some(format!(
                "{}\nSet-NetIPInterface -InterfaceIndex $nic.ifIndex -Dhcp Enabled\nSet-DnsClientServerAddress -InterfaceIndex $nic.ifIndex -ResetServerAddresses\nRestart-NetAdapter -Name $nic.Name",
                find_adapter(&mac)
            )),
        ),
        step(
            "3. Check the address",
            format!(
                "The adapter should show {} (the EIP replaces its private IP).",
                nic.eip_address
            ),
            Some(format!(
                "{}\nGet-NetIPAddress -InterfaceIndex $nic.ifIndex -AddressFamily IPv4\nipconfig /all",
                find_adapter(&mac)
            )),
        ),
        step(
            "4. Route priority",
            "The route via the new adapter has a lower priority (a higher metric) than the primary adapter's route, so outbound traffic keeps leaving through the primary adapter. Inspect the metrics; to prefer the new adapter, give it a lower interface metric.",
            Some(format!(
                "route print -4\nGet-NetIPInterface -AddressFamily IPv4 | Sort-Object InterfaceMetric | Format-Table ifIndex, InterfaceAlias, InterfaceMetric, Dhcp\n{}\n# Lower metric = higher priority:\nSet-NetIPInterface -InterfaceIndex $nic.ifIndex -InterfaceMetric 5",
                find_adapter(&mac)
            )),
        ),
    ]
}
