//! Field checks for profile input (names, regions, AccessKey IDs, RAM role settings).
//! Each returns the cleaned value or a [`FieldError`] naming the field.

/// A rejected input field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldError {
    /// camelCase field name, as in the UI's DTOs.
    pub field: &'static str,
    /// What is wrong, safe to show (never echoes a secret).
    pub reason: String,
}

pub(crate) fn field(field: &'static str, reason: impl Into<String>) -> FieldError {
    FieldError {
        field,
        reason: reason.into(),
    }
}

/// Maximum profile name length, in characters.
pub const MAX_NAME_CHARS: usize = 64;
/// Default RAM role session duration.
pub const DEFAULT_DURATION_SECONDS: u32 = 3600;
/// Minimum and maximum RAM role session duration.
pub const DURATION_RANGE: std::ops::RangeInclusive<u32> = 900..=43200;

/// A trimmed, non-empty name without control characters.
pub fn name(value: &str) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(field("name", "enter a name"));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(field(
            "name",
            format!("use at most {MAX_NAME_CHARS} characters"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(field("name", "remove control characters"));
    }
    Ok(trimmed.to_string())
}

/// A region id such as `cn-hangzhou` or `ap-southeast-1`.
pub fn region(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let parts: Vec<&str> = v.split('-').collect();
    let ok = v.len() <= 32
        && parts.len() >= 2
        && parts[0].len() >= 2
        && parts[0].bytes().all(|b| b.is_ascii_lowercase())
        && parts[1..].iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if ok {
        Ok(v.to_string())
    } else {
        Err(field(
            "region",
            "enter a region ID such as cn-hangzhou or ap-southeast-1",
        ))
    }
}

/// An AccessKey ID: 1..=128 printable ASCII characters without spaces.
pub fn access_key_id(field_name: &'static str, value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(field(field_name, "enter the AccessKey ID"));
    }
    if v.len() > 128 || !v.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(field(
            field_name,
            "an AccessKey ID has only letters, digits and punctuation (at most 128)",
        ));
    }
    Ok(v.to_string())
}

/// A secret value must be non-blank and single-line (it is never echoed back).
pub fn secret(field_name: &'static str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(field(field_name, "enter a value"));
    }
    if value.chars().any(|c| c == '\n' || c == '\r' || c == '\0') {
        return Err(field(field_name, "must be a single line"));
    }
    Ok(())
}

/// `acs:ram::<account digits>:role/<role name>`.
pub fn role_arn(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let ok = v.strip_prefix("acs:ram::").is_some_and(|rest| {
        rest.split_once(":role/").is_some_and(|(account, role)| {
            !account.is_empty()
                && account.bytes().all(|b| b.is_ascii_digit())
                && !role.is_empty()
                && role.len() <= 256
                && role.bytes().all(|b| b.is_ascii_graphic())
        })
    });
    if ok {
        Ok(v.to_string())
    } else {
        Err(field(
            "roleArn",
            "enter a role ARN such as acs:ram::123456789012:role/admin",
        ))
    }
}

/// RoleSessionName: 2..=64 of `[A-Za-z0-9.@_-]`.
pub fn session_name(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let ok = (2..=64).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'@' | b'_' | b'-'));
    if ok {
        Ok(v.to_string())
    } else {
        Err(field(
            "sessionName",
            "use 2 to 64 letters, digits, '.', '@', '_' or '-'",
        ))
    }
}

/// DurationSeconds within [`DURATION_RANGE`].
pub fn duration(value: u32) -> Result<u32, FieldError> {
    if DURATION_RANGE.contains(&value) {
        Ok(value)
    } else {
        Err(field(
            "durationSeconds",
            format!(
                "use {} to {} seconds",
                DURATION_RANGE.start(),
                DURATION_RANGE.end()
            ),
        ))
    }
}

/// ExternalId: empty means none; otherwise 2..=1224 of `[\w+=,.@:/-]`.
pub fn external_id(value: &str) -> Result<Option<String>, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let ok = (2..=1224).contains(&v.len())
        && v.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'_' | b'+' | b'=' | b',' | b'.' | b'@' | b':' | b'/' | b'-'
                )
        });
    if ok {
        Ok(Some(v.to_string()))
    } else {
        Err(field(
            "externalId",
            "use 2 to 1224 letters, digits or + = , . @ : / - _",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name("  prod admin ").unwrap(), "prod admin");
        assert_eq!(name("   ").unwrap_err().field, "name");
        assert!(name(&"x".repeat(65)).is_err());
        assert!(name("a\u{7}b").is_err());
    }

    #[test]
    fn regions() {
        for ok in [
            "cn-hangzhou",
            "ap-southeast-1",
            "us-east-1",
            "cn-shanghai-finance-1",
        ] {
            assert_eq!(region(ok).unwrap(), ok);
        }
        for bad in ["", "hangzhou", "CN-hangzhou", "cn-", "cn--x", "cn hangzhou"] {
            assert!(region(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn role_fields() {
        assert!(role_arn("acs:ram::123456789012:role/admin").is_ok());
        for bad in [
            "arn",
            "acs:ram::abc:role/x",
            "acs:ram::1:role/",
            "acs:ram::1:user/x",
        ] {
            assert!(role_arn(bad).is_err(), "{bad}");
        }
        assert!(session_name("eipdesk").is_ok());
        assert!(session_name("a").is_err());
        assert!(session_name("bad name").is_err());
        assert!(duration(900).is_ok() && duration(43200).is_ok());
        assert!(duration(899).is_err() && duration(43201).is_err());
        assert_eq!(external_id("  ").unwrap(), None);
        assert_eq!(external_id("ext-1").unwrap().as_deref(), Some("ext-1"));
        assert!(external_id("x").is_err());
        assert!(external_id("has space").is_err());
    }

    #[test]
    fn keys_and_secrets() {
        assert_eq!(
            access_key_id("accessKeyId", " LTAIabc ").unwrap(),
            "LTAIabc"
        );
        assert!(access_key_id("accessKeyId", "a b").is_err());
        assert!(access_key_id("accessKeyId", "").is_err());
        assert!(secret("accessKeySecret", "s3cr3t").is_ok());
        assert!(secret("accessKeySecret", " ").is_err());
        assert!(secret("accessKeySecret", "a\nb").is_err());
    }
}
