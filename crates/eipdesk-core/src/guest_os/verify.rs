//! Reads the verification script's machine-readable output (Linux: `{"addr": <ip -j addr>,
//! "route": <ip -j route>}`; Windows: adapters, addresses and default routes as
//! `ConvertTo-Json` prints them) and checks that the EIP is on the NIC with the ENI's MAC.

use serde_json::Value;

use super::{GuestNic, OsFamily};

/// What the guest showed for the NIC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// `eth1`, `Ethernet 2`, ...
    pub interface: String,
    /// As the OS prints it.
    pub mac: String,
    /// Metric of the NIC's default route, when it has one.
    pub metric: Option<u64>,
}

/// Why the verification failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the guest's output is not the expected JSON: {0}")]
    Unparsable(String),
    #[error("no network interface in the guest has MAC {mac}")]
    NoInterface { mac: String },
    #[error("{interface} (MAC {mac}) has {found} instead of {eip}")]
    NoAddress {
        interface: String,
        mac: String,
        eip: String,
        found: String,
    },
}

/// Checks `output` of the verification script for `nic`.
pub fn check(os: OsFamily, output: &str, nic: &GuestNic) -> Result<Verified, VerifyError> {
    let json: Value =
        serde_json::from_str(output.trim()).map_err(|e| VerifyError::Unparsable(e.to_string()))?;
    match os {
        OsFamily::Windows => windows(&json, nic),
        _ => linux(&json, nic),
    }
}

fn found_text(addresses: &[String]) -> String {
    if addresses.is_empty() {
        "no IPv4 address".into()
    } else {
        addresses.join(", ")
    }
}

fn linux(json: &Value, nic: &GuestNic) -> Result<Verified, VerifyError> {
    let mac = nic.mac_linux();
    let links = json["addr"]
        .as_array()
        .ok_or_else(|| VerifyError::Unparsable("no \"addr\" list".into()))?;
    let link = links
        .iter()
        .find(|l| {
            l["address"]
                .as_str()
                .map(str::to_ascii_lowercase)
                .as_deref()
                == Some(&mac)
        })
        .ok_or(VerifyError::NoInterface { mac: mac.clone() })?;
    let name = link["ifname"].as_str().unwrap_or_default().to_string();
    let addresses: Vec<String> = link["addr_info"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["family"] == "inet")
        .filter_map(|a| a["local"].as_str().map(str::to_string))
        .collect();
    if !addresses.iter().any(|a| a == &nic.eip_address) {
        return Err(VerifyError::NoAddress {
            interface: name,
            mac,
            eip: nic.eip_address.clone(),
            found: found_text(&addresses),
        });
    }
    let metric = json["route"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["dst"] == "default" && r["dev"] == name.as_str())
        .map(|r| r["metric"].as_u64().unwrap_or(0));
    Ok(Verified {
        interface: name,
        mac,
        metric,
    })
}

fn list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    }
}

fn windows(json: &Value, nic: &GuestNic) -> Result<Verified, VerifyError> {
    let mac = nic.mac_windows();
    let adapter = list(&json["adapters"])
        .into_iter()
        .find(|a| {
            a["MacAddress"]
                .as_str()
                .map(str::to_ascii_uppercase)
                .as_deref()
                == Some(&mac)
        })
        .ok_or(VerifyError::NoInterface { mac: mac.clone() })?;
    let index = adapter["ifIndex"].as_u64();
    let name = adapter["Name"].as_str().unwrap_or_default().to_string();
    let addresses: Vec<String> = list(&json["addresses"])
        .into_iter()
        .filter(|a| a["InterfaceIndex"].as_u64() == index)
        .filter_map(|a| a["IPAddress"].as_str().map(str::to_string))
        .collect();
    if !addresses.iter().any(|a| a == &nic.eip_address) {
        return Err(VerifyError::NoAddress {
            interface: name,
            mac,
            eip: nic.eip_address.clone(),
            found: found_text(&addresses),
        });
    }
    let metric = list(&json["routes"])
        .into_iter()
        .find(|r| r["InterfaceIndex"].as_u64() == index)
        .map(|r| r["InterfaceMetric"].as_u64().unwrap_or(0));
    Ok(Verified {
        interface: name,
        mac,
        metric,
    })
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
    fn linux_output_with_the_eip_on_the_nic_verifies() {
        let out = r#"{"addr":[{"ifname":"eth0","address":"00:16:3e:00:00:01","addr_info":[{"family":"inet","local":"172.16.1.5"}]},
            {"ifname":"eth1","address":"00:16:3e:0a:0b:0c","addr_info":[{"family":"inet","local":"47.96.1.2"}]}],
            "route":[{"dst":"default","dev":"eth0","metric":100},{"dst":"default","dev":"eth1","metric":50}]}"#;
        let v = check(OsFamily::Debian, out, &nic()).unwrap();
        assert_eq!(v.interface, "eth1");
        assert_eq!(v.metric, Some(50));
    }

    #[test]
    fn linux_output_without_the_eip_says_what_it_found() {
        let out = r#"{"addr":[{"ifname":"eth1","address":"00:16:3e:0a:0b:0c","addr_info":[]}],"route":[]}"#;
        let e = check(OsFamily::Ubuntu, out, &nic()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "eth1 (MAC 00:16:3e:0a:0b:0c) has no IPv4 address instead of 47.96.1.2"
        );
        let none = check(OsFamily::Ubuntu, r#"{"addr":[],"route":[]}"#, &nic()).unwrap_err();
        assert!(matches!(none, VerifyError::NoInterface { .. }));
        assert!(matches!(
            check(OsFamily::Ubuntu, "bash: ip: not found", &nic()),
            Err(VerifyError::Unparsable(_))
        ));
    }

    #[test]
    fn windows_output_verifies_by_mac_and_interface_index() {
        let out = r#"{"adapters":{"Name":"Ethernet 2","ifIndex":6,"MacAddress":"00-16-3E-0A-0B-0C"},
            "addresses":[{"InterfaceIndex":5,"IPAddress":"172.16.1.5"},{"InterfaceIndex":6,"IPAddress":"47.96.1.2"}],
            "routes":[{"InterfaceIndex":6,"InterfaceMetric":15}]}"#;
        let v = check(OsFamily::Windows, out, &nic()).unwrap();
        assert_eq!((v.interface.as_str(), v.metric), ("Ethernet 2", Some(15)));
    }
}
