//! Reads the security groups of a plan's ENI (`DescribeNetworkInterfaces`, then
//! `DescribeSecurityGroupAttribute` per group) and adds the reachability warning of
//! [`crate::binding::reachability`] to the plan's notes when nothing lets remote access in.

use crate::binding::BindPlan;
use crate::binding::plan_notes::PlanNote;
use crate::binding::reachability::warning;
use alicloud_api::Client;
use alicloud_api::ecs::{DescribeNetworkInterfacesRequest, DescribeSecurityGroupAttributeRequest};

/// Adds the warning to a plan that ends with a cut-through ENI on an instance, and the
/// remote-access steps for `open_to` (a checked CIDR) in the ENI's first security group. A
/// failed read becomes a note saying the check could not be made.
pub async fn add_reachability_note(client: &Client, plan: &mut BindPlan, open_to: Option<&str>) {
    if !plan.needs_guest_setup() {
        return;
    }
    let Some(eni) = plan.context.eni.clone() else {
        return;
    };
    match read(client, plan.region.as_str(), eni.as_str()).await {
        Ok((note, groups)) => match (open_to, groups.first()) {
            (Some(cidr), Some(group)) => {
                crate::binding::access_steps::add_access_step(plan, group, cidr);
            }
            _ => plan.notes.extend(note),
        },
        Err(e) => plan.notes.push(PlanNote::SecurityGroupsUnreadable {
            eni: eni.to_string(),
            code: crate::error::ErrorDto::from(e).code,
        }),
    }
}

async fn read(
    client: &Client,
    region: &str,
    eni: &str,
) -> Result<(Option<PlanNote>, Vec<String>), alicloud_api::Error> {
    let mut req = DescribeNetworkInterfacesRequest::new(region);
    req.network_interface_ids = vec![eni.to_string()];
    let page = client.describe_network_interfaces(&req).await?;
    let groups: Vec<String> = page
        .network_interface_sets
        .network_interface_set
        .into_iter()
        .flat_map(|n| n.security_group_ids.security_group_id)
        .collect();
    let mut rules = Vec::new();
    for group in &groups {
        let mut req = DescribeSecurityGroupAttributeRequest::new(region, group.as_str());
        req.direction = Some("ingress".into());
        let attr = client.describe_security_group_attribute(&req).await?;
        rules.extend(attr.permissions.permission);
    }
    Ok((warning(eni, &groups, &rules), groups))
}
