//! Windows instructions (PowerShell as Administrator): find the adapter by MAC, enable DHCP,
//! restart it, then inspect and tune the interface metric.

use super::{GuestNic, GuideStep, GuideText, step};

fn find_adapter(mac: &str) -> String {
    format!(
        "$nic = Get-NetAdapter | Where-Object {{ $_.MacAddress -eq '{mac}' }}\n$nic | Format-List Name, InterfaceDescription, ifIndex, MacAddress"
    )
}

pub(super) fn steps(nic: &GuestNic) -> Vec<GuideStep> {
    let mac = nic.mac_windows();
    vec![
        step(
            GuideText::FindAdapterTitle,
            GuideText::FindAdapter {
                eni: nic.eni_id.clone(),
                mac: mac.clone(),
            },
            Some(find_adapter(&mac)),
        ),
        step(
            GuideText::DhcpTitle,
            GuideText::DhcpWindows {
                ip: nic.eip_address.clone(),
            },
            Some(format!(
                "{}\nSet-NetIPInterface -InterfaceIndex $nic.ifIndex -Dhcp Enabled\nSet-DnsClientServerAddress -InterfaceIndex $nic.ifIndex -ResetServerAddresses\nRestart-NetAdapter -Name $nic.Name",
                find_adapter(&mac)
            )),
        ),
        step(
            GuideText::CheckTitle,
            GuideText::CheckAdapter {
                ip: nic.eip_address.clone(),
            },
            Some(format!(
                "{}\nGet-NetIPAddress -InterfaceIndex $nic.ifIndex -AddressFamily IPv4\nipconfig /all",
                find_adapter(&mac)
            )),
        ),
        step(
            GuideText::RouteTitle,
            GuideText::RouteAdapter,
            Some(format!(
                "route print -4\nGet-NetIPInterface -AddressFamily IPv4 | Sort-Object InterfaceMetric | Format-Table ifIndex, InterfaceAlias, InterfaceMetric, Dhcp\n{}\n# Lower metric = higher priority:\nSet-NetIPInterface -InterfaceIndex $nic.ifIndex -InterfaceMetric 5",
                find_adapter(&mac)
            )),
        ),
    ]
}
