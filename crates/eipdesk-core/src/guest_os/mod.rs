//! Guest-OS instructions after a cut-through attach: inside the instance, find the new NIC by
//! its MAC address, enable DHCP on it and restart it (it then carries the EIP), and inspect or
//! change the route priority (the new NIC's default route has a lower priority than the
//! primary NIC's). One text per OS family; the family matching the instance's `OSName` first.
//! [`scripts`] holds the same configuration as scripts the engine runs through Cloud Assistant,
//! [`verify`] reads what the verification script prints.

mod linux;
pub mod scripts;
pub mod verify;
mod windows;
pub mod words;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
pub use words::GuideText;

/// The operating-system families instructions exist for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OsFamily {
    /// Alibaba Cloud Linux and CentOS (ifcfg files).
    AlibabaCloudLinux,
    /// Ubuntu (netplan).
    Ubuntu,
    /// Debian (ifupdown).
    Debian,
    /// Windows Server (PowerShell).
    Windows,
}

impl OsFamily {
    pub const ALL: [OsFamily; 4] = [
        OsFamily::AlibabaCloudLinux,
        OsFamily::Ubuntu,
        OsFamily::Debian,
        OsFamily::Windows,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OsFamily::AlibabaCloudLinux => "Alibaba Cloud Linux / CentOS",
            OsFamily::Ubuntu => "Ubuntu",
            OsFamily::Debian => "Debian",
            OsFamily::Windows => "Windows",
        }
    }

    /// The family of an instance's `OSName` (e.g. `CentOS  7.9 64位`, `Ubuntu  22.04 64位`).
    pub fn detect(os_name: &str) -> Option<OsFamily> {
        let name = os_name.to_ascii_lowercase();
        [
            ("windows", OsFamily::Windows),
            ("ubuntu", OsFamily::Ubuntu),
            ("debian", OsFamily::Debian),
            ("alibaba cloud linux", OsFamily::AlibabaCloudLinux),
            ("aliyun linux", OsFamily::AlibabaCloudLinux),
            ("centos", OsFamily::AlibabaCloudLinux),
            ("anolis", OsFamily::AlibabaCloudLinux),
            ("rocky", OsFamily::AlibabaCloudLinux),
            ("almalinux", OsFamily::AlibabaCloudLinux),
            ("red hat", OsFamily::AlibabaCloudLinux),
        ]
        .into_iter()
        .find(|(needle, _)| name.contains(needle))
        .map(|(_, family)| family)
    }
}

/// The NIC the instructions are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestNic {
    /// The ENI's MAC address (`00:16:3e:…`).
    pub mac: String,
    pub eni_id: String,
    /// The EIP the NIC carries after DHCP.
    pub eip_address: String,
}

impl GuestNic {
    /// `00:16:3e:0a:0b:0c` (lower case, colons), as Linux prints it.
    pub fn mac_linux(&self) -> String {
        self.mac.trim().to_ascii_lowercase().replace('-', ":")
    }

    /// `00-16-3E-0A-0B-0C`, as Windows prints it.
    pub fn mac_windows(&self) -> String {
        self.mac.trim().to_ascii_uppercase().replace(':', "-")
    }
}

/// One step: what to do, and the commands to copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GuideStep {
    pub title: GuideText,
    pub text: GuideText,
    /// Commands to run (copy button), if any.
    pub commands: Option<String>,
}

/// The instructions for one OS family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OsGuide {
    pub os: OsFamily,
    pub label: String,
    pub steps: Vec<GuideStep>,
}

/// Everything the "configure the guest OS" panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GuestOsGuide {
    /// The family detected from the instance's `OSName`, if any.
    pub detected: Option<OsFamily>,
    pub mac: String,
    pub eip_address: String,
    /// One guide per family, the detected one first.
    pub guides: Vec<OsGuide>,
}

pub(crate) fn step(title: GuideText, text: GuideText, commands: Option<String>) -> GuideStep {
    GuideStep {
        title,
        text,
        commands,
    }
}

/// The instructions for one family.
pub fn guide_for(nic: &GuestNic, os: OsFamily) -> OsGuide {
    let steps = match os {
        OsFamily::Windows => windows::steps(nic),
        family => linux::steps(nic, family),
    };
    OsGuide {
        os,
        label: os.label().to_string(),
        steps,
    }
}

/// The instructions for every family, the one matching `os_name` first.
pub fn guide(nic: &GuestNic, os_name: Option<&str>) -> GuestOsGuide {
    let detected = os_name.and_then(OsFamily::detect);
    let mut order: Vec<OsFamily> = detected.into_iter().collect();
    order.extend(OsFamily::ALL.into_iter().filter(|f| Some(*f) != detected));
    GuestOsGuide {
        detected,
        mac: nic.mac_linux(),
        eip_address: nic.eip_address.clone(),
        guides: order.into_iter().map(|f| guide_for(nic, f)).collect(),
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
    fn detects_families_from_os_names() {
        assert_eq!(
            OsFamily::detect("Alibaba Cloud Linux  3.2104 LTS 64位"),
            Some(OsFamily::AlibabaCloudLinux)
        );
        assert_eq!(
            OsFamily::detect("CentOS  7.9 64位"),
            Some(OsFamily::AlibabaCloudLinux)
        );
        assert_eq!(
            OsFamily::detect("Ubuntu  22.04 64位"),
            Some(OsFamily::Ubuntu)
        );
        assert_eq!(
            OsFamily::detect("Debian  12.5 64位"),
            Some(OsFamily::Debian)
        );
        assert_eq!(
            OsFamily::detect("Windows Server  2022 数据中心版 64位中文版"),
            Some(OsFamily::Windows)
        );
        assert_eq!(OsFamily::detect("FreeBSD 13"), None);
    }

    #[test]
    fn detected_family_comes_first_and_all_are_present() {
        let g = guide(&nic(), Some("Ubuntu 22.04"));
        assert_eq!(g.detected, Some(OsFamily::Ubuntu));
        assert_eq!(g.guides[0].os, OsFamily::Ubuntu);
        assert_eq!(g.guides.len(), 4);
        let g = guide(&nic(), None);
        assert_eq!(g.guides[0].os, OsFamily::AlibabaCloudLinux);
    }

    #[test]
    fn every_guide_finds_the_nic_by_mac_enables_dhcp_and_covers_routes() {
        for os in OsFamily::ALL {
            let g = guide_for(&nic(), os);
            let all: String = g
                .steps
                .iter()
                .filter_map(|s| s.commands.clone())
                .collect::<Vec<_>>()
                .join("\n");
            let mac = if os == OsFamily::Windows {
                "00-16-3E-0A-0B-0C"
            } else {
                "00:16:3e:0a:0b:0c"
            };
            assert!(
                all.contains(mac),
                "{os:?} must identify the NIC by MAC:\n{all}"
            );
            assert!(
                all.to_lowercase().contains("dhcp"),
                "{os:?} must enable DHCP"
            );
            assert!(
                all.contains("metric") || all.contains("Metric"),
                "{os:?} must show the metric"
            );
            assert!(
                g.steps
                    .iter()
                    .any(|s| crate::text::Message::english(&s.text).contains("lower priority")),
                "{os:?} route note"
            );
        }
    }

    #[test]
    fn family_specific_files_and_restart_commands() {
        let text = |os| {
            guide_for(&nic(), os)
                .steps
                .iter()
                .filter_map(|s| s.commands.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let acl = text(OsFamily::AlibabaCloudLinux);
        assert!(
            acl.contains("/etc/sysconfig/network-scripts/ifcfg-$NIC")
                && acl.contains("BOOTPROTO=dhcp")
                && acl.contains("ifup")
        );
        let ubuntu = text(OsFamily::Ubuntu);
        assert!(
            ubuntu.contains("macaddress: \"00:16:3e:0a:0b:0c\"")
                && ubuntu.contains("netplan apply")
        );
        let debian = text(OsFamily::Debian);
        assert!(
            debian.contains("/etc/network/interfaces.d/")
                && debian.contains("inet dhcp")
                && debian.contains("ifup")
        );
        let win = text(OsFamily::Windows);
        assert!(
            win.contains("Set-NetIPInterface")
                && win.contains("-Dhcp Enabled")
                && win.contains("Restart-NetAdapter")
        );
    }
}
