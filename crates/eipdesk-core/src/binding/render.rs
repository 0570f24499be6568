//! The plan as things to copy: the equivalent `aliyun` CLI commands (with `--waiter` for the
//! waits) and a Terraform snippet (`alicloud_eip_association`, plus the ENI attachment).

use super::job::{BindMode, BindRequest};
use super::plan::{BindPlan, Expectation, StepAction};
use crate::ids::RegionId;

/// `aliyun <product> <Action> --Param value …` for one step (`None` for the verification).
pub fn cli_command(action: &StepAction, region: &RegionId) -> Option<String> {
    let name = action.api_action()?;
    let mut line = format!("aliyun {} {name}", action.product());
    for (k, v) in action.params(region) {
        line.push_str(&format!(" --{k} {}", shell_word(&v)));
    }
    Some(line)
}

/// An `aliyun … --waiter` command that blocks until `expectation` holds.
pub fn cli_wait(expectation: &Expectation, region: &RegionId) -> String {
    let r = region.as_str();
    match expectation {
        Expectation::EniAttached { eni, .. } => eni_waiter(r, eni.as_str(), "InUse"),
        Expectation::EniDetached { eni } => eni_waiter(r, eni.as_str(), "Available"),
        Expectation::EipBound { eip, .. } => eip_waiter(r, eip.as_str(), "InUse"),
        Expectation::EipFree { eip } => eip_waiter(r, eip.as_str(), "Available"),
        Expectation::Lifecycle(l) => crate::lifecycle::render::cli_wait(l, r),
    }
}

fn eni_waiter(region: &str, eni: &str, status: &str) -> String {
    format!(
        "aliyun ecs DescribeNetworkInterfaces --RegionId {region} --NetworkInterfaceId.1 {eni} \
         --waiter expr='NetworkInterfaceSets.NetworkInterfaceSet[0].Status' to={status}"
    )
}

fn eip_waiter(region: &str, eip: &str, status: &str) -> String {
    format!(
        "aliyun vpc DescribeEipAddresses --RegionId {region} --AllocationId {eip} \
         --waiter expr='EipAddresses.EipAddress[0].Status' to={status}"
    )
}

/// Quotes a value for a POSIX shell when it holds anything but safe characters.
fn shell_word(value: &str) -> String {
    let safe = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:/,=@".contains(&b));
    if safe {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

/// The whole plan as a shell script: each call followed by its wait.
pub fn cli_script(plan: &BindPlan) -> String {
    let mut out = format!("# {} ({})\n", plan.request.kind().title(), plan.region);
    for (n, step) in plan.steps.iter().enumerate() {
        let Some(command) = cli_command(&step.action, &plan.region) else {
            continue;
        };
        out.push_str(&format!(
            "\n# {}. {}\n{command}\n",
            n + 1,
            step.action.title()
        ));
        for e in step.action.expectation() {
            out.push_str(&cli_wait(&e, &plan.region));
            out.push('\n');
        }
    }
    out
}

fn tf_name(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn association_block(
    name: &str,
    eip: &str,
    target: &str,
    target_type: &str,
    mode: BindMode,
    private_ip: Option<&str>,
) -> String {
    let mut block = format!(
        "resource \"alicloud_eip_association\" \"{name}\" {{\n  allocation_id      = \"{eip}\"\n  instance_id        = \"{target}\"\n  instance_type      = \"{target_type}\"\n  mode               = \"{}\"\n",
        mode.as_api()
    );
    if let Some(ip) = private_ip {
        block.push_str(&format!("  private_ip_address = \"{ip}\"\n"));
    }
    block.push_str("}\n");
    block
}

fn attachment_block(name: &str, eni: &str, instance: &str, depends_on: &str) -> String {
    format!(
        "\nresource \"alicloud_ecs_network_interface_attachment\" \"{name}\" {{\n  network_interface_id = \"{eni}\"\n  instance_id          = \"{instance}\"\n  # cut-through needs the EIP bound while the ENI is detached\n  depends_on           = [alicloud_eip_association.{depends_on}]\n}}\n"
    )
}

/// The Terraform equivalent of the plan's end state.
pub fn terraform(plan: &BindPlan) -> String {
    if matches!(plan.request, BindRequest::Lifecycle { .. }) {
        return crate::lifecycle::render::terraform(plan);
    }
    bind_terraform(plan)
}

fn bind_terraform(plan: &BindPlan) -> String {
    let eip = plan.request.eip().map(|e| e.as_str()).unwrap_or_default();
    let name = format!("eipdesk_{}", tf_name(eip));
    let association = plan.steps.iter().find_map(|s| match &s.action {
        StepAction::Associate {
            target,
            target_type,
            mode,
            private_ip,
            ..
        }
        | StepAction::Unassociate {
            target,
            target_type,
            mode,
            private_ip,
            ..
        } => Some(association_block(
            &name,
            eip,
            target,
            target_type,
            *mode,
            private_ip.as_deref(),
        )),
        _ => None,
    });
    let attachment = |eni: &str| {
        plan.context
            .final_instance
            .as_ref()
            .map(|i| attachment_block(&format!("eipdesk_{}", tf_name(eni)), eni, i.as_str(), &name))
    };
    match &plan.request {
        BindRequest::CutThroughBind { eni, .. } => {
            let mut out = association.unwrap_or_default();
            out.push_str(&attachment(eni.as_str()).unwrap_or_default());
            out
        }
        BindRequest::NatBind { .. } => association.unwrap_or_default(),
        BindRequest::CutThroughUnbind { .. } | BindRequest::NatUnbind { .. } => format!(
            "# Delete this resource from the configuration and run `terraform apply`\n# (Terraform then calls UnassociateEipAddress):\n{}",
            association.unwrap_or_default()
        ),
        BindRequest::SwitchMode { to, .. } => {
            let (eni, ip) = (
                plan.context
                    .eni
                    .as_ref()
                    .map(|e| e.as_str())
                    .unwrap_or_default(),
                plan.context.eni_primary_ip.as_deref(),
            );
            format!(
                "# Change `mode` and run `terraform apply` (Terraform then calls ModifyEipForwardMode):\n{}",
                association_block(&name, eip, eni, "NetworkInterface", *to, ip)
            )
        }
        BindRequest::Lifecycle { .. } => crate::lifecycle::render::terraform(plan),
    }
}
