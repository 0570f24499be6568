//! Reading and judging the state a lifecycle step waits for: whether a new EIP or ENI exists,
//! whether a released or deleted one is gone, whether attributes and tags are as set. The
//! engine calls [`observe`] for `Expectation::Lifecycle` and gets the verdict with a short
//! description of what it saw.

use super::action::{LifecycleExpectation, TagKind};
use super::created::is_placeholder;
use crate::ids::RegionId;
use crate::workflow::observe::Verdict;
use alicloud_api::ecs::{DescribeNetworkInterfacesRequest, NetworkInterfaceSet};
use alicloud_api::vpc::{DescribeEipAddressesRequest, EipAddress};
use alicloud_api::{Client, Error};

/// Up to 50 EIPs by ID (one call; the API takes 50 comma-separated IDs).
pub async fn eips(
    client: &Client,
    region: &RegionId,
    ids: &[&str],
) -> Result<Vec<EipAddress>, Error> {
    let real: Vec<&str> = ids.iter().copied().filter(|i| !is_placeholder(i)).collect();
    if real.is_empty() {
        return Ok(Vec::new());
    }
    let request = DescribeEipAddressesRequest::new(region.as_str())
        .allocation_id(real.join(","))
        .page_size(100u32);
    Ok(client
        .describe_eip_addresses(&request)
        .await?
        .eip_addresses
        .eip_address)
}

/// Up to 100 ENIs by ID.
pub async fn enis(
    client: &Client,
    region: &RegionId,
    ids: &[&str],
) -> Result<Vec<NetworkInterfaceSet>, Error> {
    let real: Vec<&str> = ids.iter().copied().filter(|i| !is_placeholder(i)).collect();
    if real.is_empty() {
        return Ok(Vec::new());
    }
    let request = DescribeNetworkInterfacesRequest::new(region.as_str())
        .network_interface_ids(real.iter().copied())
        .max_results(100u32);
    Ok(client
        .describe_network_interfaces(&request)
        .await?
        .network_interface_sets
        .network_interface_set)
}

/// Tags of each resource (`(id, key, value)`), for the kind of resource.
async fn tags_of(
    client: &Client,
    region: &RegionId,
    kind: TagKind,
    ids: &[String],
) -> Result<Vec<(String, Vec<(String, String)>)>, Error> {
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    Ok(match kind {
        TagKind::Eip => eips(client, region, &refs)
            .await?
            .into_iter()
            .map(|e| {
                let tags = e.tags.tag.into_iter().map(|t| (t.key, t.value)).collect();
                (e.allocation_id, tags)
            })
            .collect(),
        TagKind::Eni => enis(client, region, &refs)
            .await?
            .into_iter()
            .map(|n| {
                let tags = n
                    .tags
                    .tag
                    .into_iter()
                    .map(|t| (t.tag_key, t.tag_value))
                    .collect();
                (n.network_interface_id, tags)
            })
            .collect(),
    })
}

fn verdict(holds: bool) -> Verdict {
    if holds { Verdict::Holds } else { Verdict::No }
}

fn same<T: PartialEq>(wanted: &Option<T>, got: &T) -> bool {
    wanted.as_ref().is_none_or(|w| w == got)
}

/// Reads the state and judges it: the verdict and what was seen.
pub async fn observe(
    client: &Client,
    region: &RegionId,
    expectation: &LifecycleExpectation,
) -> Result<(Verdict, String), Error> {
    use LifecycleExpectation as E;
    Ok(match expectation {
        E::EipExists { eip } | E::EipGone { eip } | E::EipAttributes { eip, .. } => {
            let found = eips(client, region, &[eip.as_str()])
                .await?
                .into_iter()
                .find(|e| e.allocation_id == eip.as_str());
            let gone = matches!(expectation, E::EipGone { .. });
            match found {
                None => (verdict(gone), "not found".to_string()),
                Some(e) => {
                    let status = e.status.to_string();
                    let releasing = status == "Releasing";
                    let v = match expectation {
                        E::EipGone { .. } if releasing => Verdict::InProgress,
                        E::EipGone { .. } => Verdict::No,
                        E::EipExists { .. } if releasing => Verdict::NotYetSettled,
                        E::EipExists { .. } => Verdict::Holds,
                        E::EipAttributes {
                            name,
                            description,
                            bandwidth,
                            ..
                        } => verdict(
                            same(name, &e.name)
                                && same(description, &e.description)
                                && same(&bandwidth.map(|b| b.to_string()), &e.bandwidth),
                        ),
                        _ => Verdict::No,
                    };
                    let seen = format!("{status}, name \"{}\", {} Mbit/s", e.name, e.bandwidth);
                    (v, seen)
                }
            }
        }
        E::EniExists { eni } | E::EniGone { eni } | E::EniAttributes { eni, .. } => {
            let found = enis(client, region, &[eni.as_str()])
                .await?
                .into_iter()
                .find(|n| n.network_interface_id == eni.as_str());
            let gone = matches!(expectation, E::EniGone { .. });
            match found {
                None => (verdict(gone), "not found".to_string()),
                Some(n) => {
                    let status = n.status.to_string();
                    let deleting = status == "Deleting";
                    let v = match expectation {
                        E::EniGone { .. } if deleting => Verdict::InProgress,
                        E::EniGone { .. } => Verdict::No,
                        E::EniExists { .. } if deleting => Verdict::NotYetSettled,
                        E::EniExists { .. } => Verdict::Holds,
                        E::EniAttributes {
                            name, description, ..
                        } => verdict(
                            same(name, &n.network_interface_name)
                                && same(description, &n.description),
                        ),
                        _ => Verdict::No,
                    };
                    (
                        v,
                        format!("{status}, name \"{}\"", n.network_interface_name),
                    )
                }
            }
        }
        E::Tagged { kind, ids, tags } => {
            let seen = tags_of(client, region, *kind, ids).await?;
            let missing: Vec<&String> = ids
                .iter()
                .filter(|id| {
                    !seen
                        .iter()
                        .any(|(sid, have)| sid == *id && tags.iter().all(|t| have.contains(t)))
                })
                .collect();
            (
                verdict(missing.is_empty()),
                if missing.is_empty() {
                    "tagged".into()
                } else {
                    format!("{} not tagged yet", missing.len())
                },
            )
        }
        E::Untagged { kind, ids, keys } => {
            let seen = tags_of(client, region, *kind, ids).await?;
            let still = seen
                .iter()
                .filter(|(_, have)| have.iter().any(|(k, _)| keys.contains(k)))
                .count();
            (
                verdict(still == 0),
                format!("{still} still carry one of the keys"),
            )
        }
    })
}
