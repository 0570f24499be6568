//! The words of the guest-OS instructions, as a message family (`gos_<key>`, see
//! [`crate::text`]): each step's title and text, per OS family where they differ. The
//! commands themselves are code and stay as they are.

use serde::Serialize;
use ts_rs::TS;

/// A title or a text of the instructions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum GuideText {
    FindNicTitle,
    FindNic {
        eni: String,
        mac: String,
    },
    FindAdapterTitle,
    FindAdapter {
        eni: String,
        mac: String,
    },
    DhcpTitle,
    /// Linux: the configuration is matched by MAC (netplan), written for the NIC found
    /// (ifupdown) or restarted per release (ifcfg).
    DhcpNetplan {
        ip: String,
    },
    DhcpIfupdown {
        ip: String,
    },
    DhcpIfcfg {
        ip: String,
    },
    DhcpWindows {
        ip: String,
    },
    CheckTitle,
    CheckNic {
        ip: String,
    },
    CheckAdapter {
        ip: String,
    },
    RouteTitle,
    RouteNic,
    RouteAdapter,
}

impl crate::text::Message for GuideText {
    const PREFIX: &'static str = "gos";
}
