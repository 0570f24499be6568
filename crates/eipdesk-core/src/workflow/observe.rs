//! Reading the real state of one ENI or EIP and judging it against an [`Expectation`]: holds,
//! in progress (a transition towards it is under way), or not (and whether the resource is
//! settled, i.e. waiting will not change anything).

use crate::binding::Expectation;
use crate::binding::facts::{EipMode, EipStatus, EniStatus};
use crate::ids::RegionId;
use alicloud_api::ecs::DescribeNetworkInterfacesRequest;
use alicloud_api::vpc::DescribeEipAddressesRequest;
use alicloud_api::{Client, Error};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::Message;

/// What the API reports about the resource an expectation is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observation {
    Eni {
        status: EniStatus,
        instance_id: String,
    },
    Eip {
        status: EipStatus,
        instance_id: String,
        mode: EipMode,
    },
    /// The resource does not exist (any more).
    Missing,
    /// A lifecycle state, judged as it was read (see [`crate::lifecycle::observe`]).
    Judged { verdict: Verdict, seen: String },
}

/// The verdict on an observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Holds,
    /// A transition towards the expectation is under way.
    InProgress,
    /// Not there, and the resource is in a transition that may change that.
    NotYetSettled,
    /// Not there, and the resource is settled: waiting alone will not bring it.
    No,
}

/// What a step saw when the state it waited for did not come (`seen_<key>`). API values
/// (statuses, modes) and IDs are inputs; a lifecycle state is what its reader wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum SeenText {
    EniDetached {
        eni_status: String,
    },
    EniOn {
        eni_status: String,
        instance: String,
    },
    EipFree {
        status: String,
    },
    EipOn {
        status: String,
        mode: String,
        instance: String,
    },
    Missing,
    /// A lifecycle state as read (`"Available, name \"web\", 5 Mbit/s"`).
    Verbatim {
        seen: String,
    },
}

impl Message for SeenText {
    const PREFIX: &'static str = "seen";
}

/// A check of the final state that does not hold (`stcheck_<key>`): the state planned and
/// what was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum StateCheck {
    Mismatch {
        expected: crate::binding::step_text::WaitText,
        seen: SeenText,
    },
}

impl Message for StateCheck {
    const PREFIX: &'static str = "stcheck";

    /// The catalogue's English, the state planned and the one seen worded first.
    fn english(&self) -> String {
        let StateCheck::Mismatch { expected, seen } = self;
        let value = serde_json::json!({
            "key": "mismatch",
            "expected": crate::binding::step_text::english(expected),
            "seen": seen.english(),
        });
        crate::text::english_of(Self::PREFIX, &value)
    }
}

impl Observation {
    /// What was seen, as a message key.
    pub fn text(&self) -> SeenText {
        match self {
            Observation::Eni {
                status,
                instance_id,
            } if instance_id.is_empty() => SeenText::EniDetached {
                eni_status: status.to_string(),
            },
            Observation::Eni {
                status,
                instance_id,
            } => SeenText::EniOn {
                eni_status: status.to_string(),
                instance: instance_id.clone(),
            },
            Observation::Eip {
                status,
                instance_id,
                ..
            } if instance_id.is_empty() => SeenText::EipFree {
                status: status.to_string(),
            },
            Observation::Eip {
                status,
                instance_id,
                mode,
            } => SeenText::EipOn {
                status: status.to_string(),
                mode: mode.to_string(),
                instance: instance_id.clone(),
            },
            Observation::Missing => SeenText::Missing,
            Observation::Judged { seen, .. } => SeenText::Verbatim { seen: seen.clone() },
        }
    }

    /// "InUse, BINDED on eni-1", for messages.
    pub fn describe(&self) -> String {
        self.text().english()
    }
}

/// Reads the state `expectation` is about.
pub async fn observe(
    client: &Client,
    region: &RegionId,
    expectation: &Expectation,
) -> Result<Observation, Error> {
    match expectation {
        Expectation::EniAttached { eni, .. } | Expectation::EniDetached { eni } => {
            let request = DescribeNetworkInterfacesRequest::new(region.as_str())
                .network_interface_ids([eni.as_str()]);
            let response = client.describe_network_interfaces(&request).await?;
            Ok(response
                .network_interface_sets
                .network_interface_set
                .into_iter()
                .find(|n| n.network_interface_id == eni.as_str())
                .map_or(Observation::Missing, |n| Observation::Eni {
                    status: n.status,
                    instance_id: if n.instance_id.is_empty() {
                        n.attachment.instance_id
                    } else {
                        n.instance_id
                    },
                }))
        }
        Expectation::EipBound { eip, .. } | Expectation::EipFree { eip } => {
            let request =
                DescribeEipAddressesRequest::new(region.as_str()).allocation_id(eip.as_str());
            let response = client.describe_eip_addresses(&request).await?;
            Ok(response
                .eip_addresses
                .eip_address
                .into_iter()
                .find(|e| e.allocation_id == eip.as_str())
                .map_or(Observation::Missing, |e| Observation::Eip {
                    status: e.status,
                    instance_id: e.instance_id,
                    mode: e.mode,
                }))
        }
        Expectation::Lifecycle(l) => {
            let (verdict, seen) = crate::lifecycle::observe::observe(client, region, l).await?;
            Ok(Observation::Judged { verdict, seen })
        }
    }
}

fn eni_settled(status: &EniStatus) -> bool {
    matches!(status, EniStatus::Available | EniStatus::InUse)
}

fn eip_settled(status: &EipStatus) -> bool {
    matches!(status, EipStatus::Available | EipStatus::InUse)
}

/// Judges `observation` against `expectation`.
pub fn judge(expectation: &Expectation, observation: &Observation) -> Verdict {
    let otherwise = |settled: bool| {
        if settled {
            Verdict::No
        } else {
            Verdict::NotYetSettled
        }
    };
    match (expectation, observation) {
        (_, Observation::Judged { verdict, .. }) => *verdict,
        (_, Observation::Missing) => Verdict::No,
        (Expectation::EniDetached { .. }, Observation::Eni { status, .. }) => match status {
            EniStatus::Available => Verdict::Holds,
            EniStatus::Detaching => Verdict::InProgress,
            s => otherwise(eni_settled(s)),
        },
        (
            Expectation::EniAttached { instance, .. },
            Observation::Eni {
                status,
                instance_id,
            },
        ) => {
            let ours = instance_id == instance.as_str();
            match status {
                EniStatus::InUse if ours => Verdict::Holds,
                EniStatus::Attaching if ours => Verdict::InProgress,
                s => otherwise(eni_settled(s)),
            }
        }
        (
            Expectation::EipBound { target, mode, .. },
            Observation::Eip {
                status,
                instance_id,
                mode: got,
            },
        ) => {
            let ours = instance_id == target;
            match status {
                EipStatus::InUse if ours && got == mode.as_api() => Verdict::Holds,
                EipStatus::Associating if ours => Verdict::InProgress,
                s => otherwise(eip_settled(s)),
            }
        }
        (Expectation::EipFree { .. }, Observation::Eip { status, .. }) => match status {
            EipStatus::Available => Verdict::Holds,
            EipStatus::Unassociating => Verdict::InProgress,
            s => otherwise(eip_settled(s)),
        },
        _ => Verdict::No,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binding::BindMode;
    use crate::ids::{AllocationId, EniId, InstanceId};

    fn eni(status: &str, on: &str) -> Observation {
        Observation::Eni {
            status: status.into(),
            instance_id: on.into(),
        }
    }

    fn eip(status: &str, on: &str, mode: &str) -> Observation {
        Observation::Eip {
            status: status.into(),
            instance_id: on.into(),
            mode: mode.into(),
        }
    }

    #[test]
    fn eni_expectations() {
        let e = EniId::parse("eni-1").unwrap();
        let i = InstanceId::parse("i-1").unwrap();
        let attached = Expectation::EniAttached {
            eni: e.clone(),
            instance: i,
        };
        assert_eq!(judge(&attached, &eni("InUse", "i-1")), Verdict::Holds);
        assert_eq!(
            judge(&attached, &eni("Attaching", "i-1")),
            Verdict::InProgress
        );
        assert_eq!(judge(&attached, &eni("InUse", "i-2")), Verdict::No);
        assert_eq!(
            judge(&attached, &eni("Detaching", "i-1")),
            Verdict::NotYetSettled
        );
        assert_eq!(judge(&attached, &eni("Available", "")), Verdict::No);
        let detached = Expectation::EniDetached { eni: e };
        assert_eq!(judge(&detached, &eni("Available", "")), Verdict::Holds);
        assert_eq!(
            judge(&detached, &eni("Detaching", "i-1")),
            Verdict::InProgress
        );
        assert_eq!(
            judge(&detached, &eni("Attaching", "i-1")),
            Verdict::NotYetSettled
        );
        assert_eq!(judge(&detached, &Observation::Missing), Verdict::No);
    }

    #[test]
    fn eip_expectations() {
        let a = AllocationId::parse("eip-1").unwrap();
        let bound = Expectation::EipBound {
            eip: a.clone(),
            target: "eni-1".into(),
            mode: BindMode::CutThrough,
        };
        assert_eq!(
            judge(&bound, &eip("InUse", "eni-1", "BINDED")),
            Verdict::Holds
        );
        assert_eq!(judge(&bound, &eip("InUse", "eni-1", "NAT")), Verdict::No);
        assert_eq!(
            judge(&bound, &eip("Associating", "eni-1", "BINDED")),
            Verdict::InProgress
        );
        assert_eq!(judge(&bound, &eip("InUse", "i-9", "NAT")), Verdict::No);
        assert_eq!(
            judge(&bound, &eip("Unassociating", "eni-1", "BINDED")),
            Verdict::NotYetSettled
        );
        let free = Expectation::EipFree { eip: a };
        assert_eq!(judge(&free, &eip("Available", "", "NAT")), Verdict::Holds);
        assert_eq!(
            judge(&free, &eip("Unassociating", "eni-1", "BINDED")),
            Verdict::InProgress
        );
        assert_eq!(judge(&free, &eip("InUse", "eni-1", "BINDED")), Verdict::No);
        assert_eq!(
            eip("InUse", "eni-1", "BINDED").describe(),
            "InUse, BINDED on eni-1"
        );
    }
}
