//! `ClientToken` for `alicloud-call`: a mutating VPC/ECS action carries one (generated unless
//! the caller gave one) and the same one on every retry, so a retried call whose first answer
//! was lost is applied once. Read-only actions (`Describe*`, `List*`, `Get*`, `Query*`,
//! `Check*`) and STS get none.

use alicloud_api::Product;
use anyhow::bail;

/// Longest token the services accept (ASCII only).
pub const MAX_LEN: usize = 64;

const READ_ONLY_PREFIXES: &[&str] = &["Describe", "List", "Get", "Query", "Check"];

/// Whether the action changes something (and so takes a `ClientToken`).
pub fn is_mutating(product: Product, action: &str) -> bool {
    product != Product::Sts && !READ_ONLY_PREFIXES.iter().any(|p| action.starts_with(p))
}

/// Makes sure a mutating call has a valid `ClientToken`; returns it (`None` for read-only
/// actions without one). A given token must be ASCII and at most 64 characters.
pub fn ensure(
    product: Product,
    action: &str,
    params: &mut Vec<(String, String)>,
) -> anyhow::Result<Option<String>> {
    if let Some((_, token)) = params.iter().find(|(k, _)| k == "ClientToken") {
        if token.is_empty() || token.len() > MAX_LEN || !token.is_ascii() {
            bail!("ClientToken must be 1 to {MAX_LEN} ASCII characters");
        }
        return Ok(Some(token.clone()));
    }
    if !is_mutating(product, action) {
        return Ok(None);
    }
    let token = alicloud_api::client::new_client_token();
    params.push(("ClientToken".to_string(), token.clone()));
    Ok(Some(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutating_actions_get_a_token_and_keep_a_given_one() {
        let mut p = Vec::new();
        let t = ensure(Product::Vpc, "AllocateEipAddress", &mut p).unwrap();
        assert_eq!(t.as_deref().map(str::len), Some(36));
        assert_eq!(p.len(), 1);
        let mut p = vec![("ClientToken".to_string(), "mine-1".to_string())];
        let t = ensure(Product::Vpc, "AllocateEipAddress", &mut p).unwrap();
        assert_eq!(t.as_deref(), Some("mine-1"));
        assert_eq!(p.len(), 1);
        let mut p = Vec::new();
        assert_eq!(
            ensure(Product::Ecs, "DescribeInstances", &mut p).unwrap(),
            None
        );
        assert_eq!(ensure(Product::Sts, "AssumeRole", &mut p).unwrap(), None);
        assert!(p.is_empty());
        let mut p = vec![("ClientToken".to_string(), "x".repeat(65))];
        assert!(ensure(Product::Vpc, "ReleaseEipAddress", &mut p).is_err());
        let mut p = vec![("ClientToken".to_string(), "jeton-é".to_string())];
        assert!(ensure(Product::Vpc, "ReleaseEipAddress", &mut p).is_err());
    }
}
