//! Lifecycle plans as things to copy: the `aliyun` waiter after each call (the calls
//! themselves render like any step, from their typed request) and a Terraform snippet of the
//! end state (`alicloud_eip_address`, `alicloud_ecs_network_interface`, the attachment, tags).

use super::action::{Billing, LifecycleAction, LifecycleExpectation, PricingCycle, TagKind};
use super::created::is_placeholder;
use crate::binding::{BindPlan, StepAction};

/// An `aliyun … --waiter` (or a check) that blocks until `expectation` holds.
pub fn cli_wait(expectation: &LifecycleExpectation, region: &str) -> String {
    let eip = |id: &str, to: &str| {
        format!(
            "aliyun vpc DescribeEipAddresses --RegionId {region} --AllocationId {id} \
             --waiter expr='EipAddresses.EipAddress[0].Status' to={to}"
        )
    };
    let eni = |id: &str, to: &str| {
        format!(
            "aliyun ecs DescribeNetworkInterfaces --RegionId {region} --NetworkInterfaceId.1 {id} \
             --waiter expr='NetworkInterfaceSets.NetworkInterfaceSet[0].Status' to={to}"
        )
    };
    match expectation {
        LifecycleExpectation::EipExists { eip: id } => eip(&new_id(id.as_str()), "Available"),
        LifecycleExpectation::EniExists { eni: id } => eni(&new_id(id.as_str()), "Available"),
        LifecycleExpectation::EipGone { eip: id } => format!(
            "# until the EIP is gone:\naliyun vpc DescribeEipAddresses --RegionId {region} --AllocationId {id} \
             --waiter expr='TotalCount' to=0"
        ),
        LifecycleExpectation::EniGone { eni: id } => format!(
            "# until the interface is gone:\naliyun ecs DescribeNetworkInterfaces --RegionId {region} \
             --NetworkInterfaceId.1 {id} --waiter expr='TotalCount' to=0"
        ),
        other => format!("# then check: {}", other.describe()),
    }
}

/// A placeholder is shown as the shell variable a script would keep the new ID in.
fn new_id(id: &str) -> String {
    if is_placeholder(id) {
        if id.starts_with("eip-") {
            "$NEW_EIP".into()
        } else {
            "$NEW_ENI".into()
        }
    } else {
        id.to_string()
    }
}

fn tf_name(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn tf_ref(id: &str) -> String {
    if is_placeholder(id) {
        if id.starts_with("eip-") {
            "alicloud_eip_address.new.id".into()
        } else {
            "alicloud_ecs_network_interface.new.id".into()
        }
    } else {
        format!("\"{id}\"")
    }
}

fn tags_block(tags: &[(String, String)]) -> String {
    let mut out = String::from("  tags = {\n");
    for (k, v) in tags {
        out.push_str(&format!("    \"{k}\" = \"{v}\"\n"));
    }
    out.push_str("  }\n");
    out
}

fn block(action: &LifecycleAction) -> String {
    match action {
        LifecycleAction::AllocateEip { spec, .. } => {
            let mut b = String::from("resource \"alicloud_eip_address\" \"new\" {\n");
            b.push_str(&format!(
                "  bandwidth            = \"{}\"\n",
                spec.bandwidth
            ));
            let (payment, metering) = match spec.billing {
                Billing::PayByTraffic => ("PayAsYouGo", "PayByTraffic"),
                Billing::PayByBandwidth => ("PayAsYouGo", "PayByBandwidth"),
                Billing::Subscription => ("Subscription", "PayByBandwidth"),
            };
            b.push_str(&format!("  payment_type         = \"{payment}\"\n"));
            b.push_str(&format!("  internet_charge_type = \"{metering}\"\n"));
            if let Some((period, cycle)) = spec.period {
                let months = match cycle {
                    PricingCycle::Month => period,
                    PricingCycle::Year => period * 12,
                };
                b.push_str(&format!("  period               = {months}\n"));
            }
            if let Some(isp) = &spec.isp {
                b.push_str(&format!("  isp                  = \"{isp}\"\n"));
            }
            if !spec.name.is_empty() {
                b.push_str(&format!("  address_name         = \"{}\"\n", spec.name));
            }
            b.push_str("}\n");
            b
        }
        LifecycleAction::CreateEni { spec, .. } => {
            let groups: Vec<String> = spec
                .security_group_ids
                .iter()
                .map(|g| format!("\"{g}\""))
                .collect();
            let mut b = String::from("resource \"alicloud_ecs_network_interface\" \"new\" {\n");
            b.push_str(&format!("  vswitch_id         = \"{}\"\n", spec.vswitch_id));
            b.push_str(&format!("  security_group_ids = [{}]\n", groups.join(", ")));
            if let Some(ip) = &spec.private_ip {
                b.push_str(&format!("  primary_ip_address = \"{ip}\"\n"));
            }
            if !spec.name.is_empty() {
                b.push_str(&format!("  network_interface_name = \"{}\"\n", spec.name));
            }
            b.push_str("}\n");
            b
        }
        LifecycleAction::ReleaseEip { eip } => format!(
            "# Remove `alicloud_eip_address` for {eip} from the configuration and run `terraform apply`.\n"
        ),
        LifecycleAction::DeleteEni { eni } => format!(
            "# Remove `alicloud_ecs_network_interface` for {eni} from the configuration and run `terraform apply`.\n"
        ),
        LifecycleAction::ModifyEip {
            eip,
            name,
            description,
            bandwidth,
            ..
        } => {
            let mut b = format!("# In the `alicloud_eip_address` of {eip}, set:\n");
            if let Some(n) = name {
                b.push_str(&format!("#   address_name = \"{n}\"\n"));
            }
            if let Some(d) = description {
                b.push_str(&format!("#   description  = \"{d}\"\n"));
            }
            if let Some(bw) = bandwidth {
                b.push_str(&format!("#   bandwidth    = \"{bw}\"\n"));
            }
            b
        }
        LifecycleAction::ModifyEni {
            eni,
            name,
            description,
            ..
        } => {
            let mut b = format!("# In the `alicloud_ecs_network_interface` of {eni}, set:\n");
            if let Some(n) = name {
                b.push_str(&format!("#   network_interface_name = \"{n}\"\n"));
            }
            if let Some(d) = description {
                b.push_str(&format!("#   description            = \"{d}\"\n"));
            }
            b
        }
        LifecycleAction::Tag { kind, ids, tags } => {
            let what = match kind {
                TagKind::Eip => "alicloud_eip_address",
                TagKind::Eni => "alicloud_ecs_network_interface",
            };
            format!(
                "# In the `{what}` of {}, add:\n{}",
                ids.join(", "),
                tags_block(tags)
                    .lines()
                    .map(|l| format!("# {l}\n"))
                    .collect::<String>()
            )
        }
        LifecycleAction::Untag { ids, keys, .. } => format!(
            "# Remove the keys {} from the `tags` of {} and run `terraform apply`.\n",
            keys.join(", "),
            ids.join(", ")
        ),
    }
}

/// The Terraform equivalent of a lifecycle plan.
pub fn terraform(plan: &BindPlan) -> String {
    let mut out = String::new();
    for s in &plan.steps {
        match &s.action {
            StepAction::Lifecycle(l) => out.push_str(&block(l)),
            StepAction::Associate {
                eip,
                target,
                target_type,
                mode,
                private_ip,
            } => {
                out.push_str(&format!(
                    "\nresource \"alicloud_eip_association\" \"eipdesk_{}\" {{\n  allocation_id      = {}\n  instance_id        = {}\n  instance_type      = \"{target_type}\"\n  mode               = \"{}\"\n",
                    tf_name(eip.as_str()),
                    tf_ref(eip.as_str()),
                    tf_ref(target),
                    mode.as_api()
                ));
                if let Some(ip) = private_ip {
                    out.push_str(&format!("  private_ip_address = \"{ip}\"\n"));
                }
                out.push_str("}\n");
            }
            StepAction::AttachEni { eni, instance } => out.push_str(&format!(
                "\nresource \"alicloud_ecs_network_interface_attachment\" \"eipdesk_{}\" {{\n  network_interface_id = {}\n  instance_id          = \"{instance}\"\n}}\n",
                tf_name(eni.as_str()),
                tf_ref(eni.as_str())
            )),
            StepAction::DetachEni { eni, instance } => out.push_str(&format!(
                "# Remove the `alicloud_ecs_network_interface_attachment` of {eni} on {instance} and run `terraform apply`.\n"
            )),
            _ => {}
        }
    }
    out
}
