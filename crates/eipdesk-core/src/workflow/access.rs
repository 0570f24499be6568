//! The remote-access step (`binding::access_steps`) run by the engine: read the security
//! group's inbound rules first (a resumed step never adds or removes twice), send
//! `AuthorizeSecurityGroup` (or, undoing, `RevokeSecurityGroup`) with its journaled
//! ClientToken, journal and audit the call, and check the rule is there (or gone).

use super::engine::Engine;
use super::step::{CallEnd, StepOutcome, dto, failed_request_id, retryable};
use crate::binding::StepAction;
use crate::binding::access_steps::IngressRule;
use crate::error::{ErrorDto, ErrorHint, ErrorKind, ErrorText};
use crate::journal::{CallPhase, RunRecord, StepField, StepRecord};
use alicloud_api::ecs::{
    AuthorizeSecurityGroupRequest, DescribeSecurityGroupAttributeRequest,
    RevokeSecurityGroupRequest,
};
use std::time::Instant;

impl Engine {
    async fn rule_exists(&self, region: &str, rule: &IngressRule) -> Result<bool, ErrorDto> {
        let mut req =
            DescribeSecurityGroupAttributeRequest::new(region, rule.security_group.as_str());
        req.direction = Some("ingress".into());
        let attr = self
            .client
            .describe_security_group_attribute(&req)
            .await
            .map_err(dto)?;
        Ok(attr.permissions.permission.iter().any(|p| {
            p.ip_protocol.eq_ignore_ascii_case(&rule.protocol)
                && p.port_range == rule.port_range
                && p.source_cidr_ip == rule.source_cidr
                && (p.policy.is_empty() || p.policy.eq_ignore_ascii_case("accept"))
        }))
    }

    /// Adds (or removes) the step's rule.
    pub(super) async fn access_step(
        &self,
        run: &RunRecord,
        step: &StepRecord,
        action: &StepAction,
        phase: CallPhase,
    ) -> StepOutcome {
        let (rule, add) = match action {
            StepAction::AuthorizeIngress { rule } => (rule, true),
            StepAction::RevokeIngress { rule } => (rule, false),
            _ => return Ok(Ok(())),
        };
        let region = run.plan.region.as_str();
        match self.rule_exists(region, rule).await {
            Ok(exists) if exists == add => return Ok(Ok(())),
            Ok(_) => {}
            Err(e) => return Ok(Err(e)),
        }
        let known = match phase {
            CallPhase::Do => step.client_token.clone(),
            CallPhase::Undo => step.undo_client_token.clone(),
        };
        let token = known.unwrap_or_else(alicloud_api::client::new_client_token);
        self.journal
            .set_step_field(&run.id, step.idx, phase, StepField::ClientToken, &token)?;
        let name = action.api_action().unwrap_or_default();
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (params, result) = if add {
                let mut req = AuthorizeSecurityGroupRequest::new(
                    region,
                    rule.security_group.as_str(),
                    rule.protocol.as_str(),
                    rule.port_range.as_str(),
                    rule.source_cidr.as_str(),
                );
                req.description = Some(format!("EIP Desk run {}", run.id));
                req.client_token = Some(token.clone());
                (
                    req.to_params(),
                    self.client.authorize_security_group(&req).await,
                )
            } else {
                let mut req = RevokeSecurityGroupRequest::new(
                    region,
                    rule.security_group.as_str(),
                    rule.protocol.as_str(),
                    rule.port_range.as_str(),
                    rule.source_cidr.as_str(),
                );
                req.client_token = Some(token.clone());
                (
                    req.to_params(),
                    self.client.revoke_security_group(&req).await,
                )
            };
            let call =
                self.journal
                    .call_started(&run.id, step.idx, phase, name, &params, Some(&token))?;
            let (request_id, failure) = match result {
                Ok(r) => (Some(r.request_id), None),
                Err(e) => (failed_request_id(&e), Some((e.kind(), dto(e)))),
            };
            let error = failure.as_ref().map(|(_, d)| d.clone());
            self.finish_call(
                run,
                CallEnd {
                    call_id: call,
                    region,
                    action: name,
                    params: &params,
                    request_id: request_id.as_deref(),
                    error: error.as_ref(),
                },
            )?;
            if let (Some(id), None) = (&request_id, &error) {
                self.journal
                    .set_step_field(&run.id, step.idx, phase, StepField::RequestId, id)?;
            }
            self.emit(&run.id);
            let Some((kind, error)) = failure else { break };
            if !retryable(kind) || started.elapsed() >= self.config.call_deadline {
                return Ok(Err(error));
            }
            tokio::time::sleep(self.config.poll_initial * attempt.min(8)).await;
        }
        match self.rule_exists(region, rule).await {
            Ok(exists) if exists == add => Ok(Ok(())),
            Ok(_) => Ok(Err(rule_mismatch(rule, add))),
            Err(e) => Ok(Err(e)),
        }
    }
}

/// The error of a rule that is not as the call should have left it (`add`: it should exist).
fn rule_mismatch(rule: &IngressRule, add: bool) -> ErrorDto {
    let (what, cidr, group) = (
        rule.what(),
        rule.source_cidr.clone(),
        rule.security_group.clone(),
    );
    let text = if add {
        ErrorText::AccessRuleMissing { what, cidr, group }
    } else {
        ErrorText::AccessRuleStillThere { what, cidr, group }
    };
    ErrorDto::worded(
        ErrorKind::InvalidState,
        "StateMismatch",
        text,
        ErrorHint::AccessRule,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_left_wrong_says_so_in_words_and_in_its_old_english() {
        let rule = IngressRule {
            security_group: "sg-bp1ic1170vzm0i70uxkf".into(),
            protocol: "TCP".into(),
            port_range: "22/22".into(),
            source_cidr: "203.0.113.0/24".into(),
        };
        let missing = rule_mismatch(&rule, true);
        assert_eq!(
            missing.message,
            "The rule TCP 22/22 from 203.0.113.0/24 in sg-bp1ic1170vzm0i70uxkf is missing after the call."
        );
        let words = missing.words.as_deref().and_then(|w| w.message.clone());
        assert!(
            matches!(words, Some(ErrorText::AccessRuleMissing { .. })),
            "{words:?}"
        );
        let there = rule_mismatch(&rule, false);
        assert!(there.message.ends_with("is still there after the call."));
        assert!(matches!(
            there.words.as_deref().and_then(|w| w.message.clone()),
            Some(ErrorText::AccessRuleStillThere { .. })
        ));
    }
}
