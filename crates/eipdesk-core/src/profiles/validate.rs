//! Field checks for profile input (names, regions, AccessKey IDs, RAM role and OIDC settings).
//! Each returns the cleaned value or a [`FieldError`] naming the field.

/// A rejected input field. Its text names the field as the form labels it
/// (`AccessKey secret: …`); `field` is the DTO's camelCase name for the UI to place it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {reason}", label(field))]
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

/// The form's label of a DTO field (`accessKeySecret` → `AccessKey secret`).
pub fn label(field: &str) -> &str {
    match field {
        "name" => "Name",
        "region" => "Default region",
        "accessKeyId" => "AccessKey ID",
        "accessKeySecret" => "AccessKey secret",
        "securityToken" => "Security token",
        "expiration" => "Expires",
        "roleArn" => "Role ARN",
        "sessionName" => "Session name",
        "durationSeconds" => "Session duration",
        "externalId" => "External ID",
        "source" => "Source",
        "source.accessKeyId" => "Source AccessKey ID",
        "source.accessKeySecret" => "Source AccessKey secret",
        "endpoint" => "Endpoint",
        "roleName" => "Role name",
        "metadataEndpoint" => "Metadata endpoint",
        "uri" => "Credentials URI",
        "command" => "Command",
        "oidcProviderArn" => "OIDC provider ARN",
        "oidcTokenFile" => "OIDC token file",
        other => other,
    }
}

/// Invisible formatting characters (bidirectional overrides and isolates, zero-width
/// characters, soft hyphen, word joiners, BOM): a name containing one can look like another.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
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
    if trimmed.chars().any(is_invisible_format) {
        return Err(field(
            "name",
            "remove invisible formatting characters (such as right-to-left overrides or \
             zero-width spaces); they make one name look like another",
        ));
    }
    Ok(trimmed.to_string())
}

/// A known region: the shape of [`region_shape`], and in the built-in list or `loaded` (the
/// list the app loaded from the cloud).
pub fn region_in(value: &str, loaded: &[String]) -> Result<String, FieldError> {
    let v = region_shape(value)?;
    if super::known_regions::is_known(&v, loaded) {
        Ok(v)
    } else {
        Err(field(
            "region",
            format!("{v} is not an Alibaba Cloud region; choose one from the list"),
        ))
    }
}

/// A known region from the built-in list (see [`region_in`]).
pub fn region(value: &str) -> Result<String, FieldError> {
    region_in(value, &[])
}

/// A region id's shape, such as `cn-hangzhou` or `ap-southeast-1`.
pub fn region_shape(value: &str) -> Result<String, FieldError> {
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

/// A secret value must be non-blank, single-line and without surrounding whitespace (it is
/// never echoed back).
pub fn secret(field_name: &'static str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(field(field_name, "enter a value"));
    }
    if value.chars().any(|c| c == '\n' || c == '\r' || c == '\0') {
        return Err(field(field_name, "must be a single line"));
    }
    if value.trim() != value {
        return Err(field(
            field_name,
            "remove the spaces before or after it (a secret never starts or ends with one)",
        ));
    }
    Ok(())
}

/// An endpoint URL: `http://` or `https://`, a host, no spaces, at most 2048 characters.
pub fn endpoint(value: &str) -> Result<String, FieldError> {
    url("endpoint", value)
}

/// A command line for the External mode: non-blank, one line, at most 4096 characters.
pub fn process_command(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 4096 || v.chars().any(char::is_control) {
        return Err(field(
            "command",
            "enter one command line, such as eipdesk-cli credentials prod",
        ));
    }
    Ok(v.to_string())
}

/// A RAM role name: 1..=64 of `[A-Za-z0-9.-]`.
pub fn ecs_role_name(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let ok = (1..=64).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if ok {
        Ok(v.to_string())
    } else {
        Err(field("roleName", "use 1 to 64 letters, digits, '.' or '-'"))
    }
}

/// An `http://` or `https://` URL for `field_name` (trailing `/` removed).
pub fn url(field_name: &'static str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().trim_end_matches('/');
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    let ok = v.len() <= 2048
        && rest.is_some_and(|r| {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.starts_with(':')
        })
        && v.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(v.to_string())
    } else {
        Err(field(
            field_name,
            "enter a URL such as https://vpc.example.internal or http://127.0.0.1:8080",
        ))
    }
}

/// `acs:ram::<account digits>:role/<role name>`.
pub fn role_arn(value: &str) -> Result<String, FieldError> {
    ram_arn(
        value,
        ":role/",
        "roleArn",
        "enter a role ARN such as acs:ram::123456789012:role/admin",
    )
}

/// `acs:ram::<account digits>:oidc-provider/<provider name>`.
pub fn oidc_provider_arn(value: &str) -> Result<String, FieldError> {
    ram_arn(
        value,
        ":oidc-provider/",
        "oidcProviderArn",
        "enter an OIDC provider ARN such as acs:ram::123456789012:oidc-provider/my-idp",
    )
}

/// `acs:ram::<account digits><kind><name>` with a name of 1..=256 visible ASCII characters.
fn ram_arn(
    value: &str,
    kind: &str,
    field_name: &'static str,
    hint: &str,
) -> Result<String, FieldError> {
    let v = value.trim();
    let ok = v.strip_prefix("acs:ram::").is_some_and(|rest| {
        rest.split_once(kind).is_some_and(|(account, name)| {
            !account.is_empty()
                && account.bytes().all(|b| b.is_ascii_digit())
                && !name.is_empty()
                && name.len() <= 256
                && name.bytes().all(|b| b.is_ascii_graphic())
        })
    });
    if ok {
        Ok(v.to_string())
    } else {
        Err(field(field_name, hint))
    }
}

/// The OIDC token file: an absolute path to an existing regular file (its content is read
/// only when credentials are needed, so a token rotated in place is picked up).
pub fn oidc_token_file(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let fail = |reason: &str| Err(field("oidcTokenFile", reason));
    if v.is_empty() || v.chars().any(char::is_control) {
        return fail("enter the path of the file holding the OIDC token");
    }
    let path = std::path::Path::new(v);
    if !path.is_absolute() {
        return fail("enter an absolute path, such as /var/run/secrets/tokens/oidc-token");
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(v.to_string()),
        Ok(_) => fail("this is not a regular file"),
        Err(_) => fail("no file exists at this path"),
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
        for sneaky in [
            "prod\u{202E}nimda",
            "a\u{200B}b",
            "\u{2066}x\u{2069}",
            "x\u{FEFF}y",
        ] {
            let err = name(sneaky).unwrap_err();
            assert!(
                err.to_string().starts_with("Name: remove invisible"),
                "{err}"
            );
        }
        assert!(name("生产 admin").is_ok());
    }

    #[test]
    fn errors_name_fields_as_the_form_labels_them() {
        let err = secret("accessKeySecret", "").unwrap_err();
        assert_eq!(err.field, "accessKeySecret");
        assert_eq!(err.to_string(), "AccessKey secret: enter a value");
        assert_eq!(
            role_arn("x").unwrap_err().to_string(),
            "Role ARN: enter a role ARN such as acs:ram::123456789012:role/admin"
        );
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
        let unknown = region("xx-nowhere-9").unwrap_err();
        assert!(
            unknown.to_string().contains("not an Alibaba Cloud region"),
            "{unknown}"
        );
        assert_eq!(
            region_in("xx-nowhere-9", &["xx-nowhere-9".to_string()]).unwrap(),
            "xx-nowhere-9"
        );
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
    fn endpoints() {
        assert_eq!(
            endpoint(" http://127.0.0.1:9000/ ").unwrap(),
            "http://127.0.0.1:9000"
        );
        assert!(endpoint("https://vpc.example.internal").is_ok());
        for bad in [
            "",
            "127.0.0.1:9000",
            "ftp://x",
            "http://",
            "http://a b",
            "http://:80",
        ] {
            assert!(endpoint(bad).is_err(), "{bad}");
        }
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
        for padded in [" s3cr3t", "s3cr3t ", "\ts3cr3t"] {
            let err = secret("accessKeySecret", padded).unwrap_err();
            assert!(err.reason.contains("spaces before or after"), "{err}");
        }
    }
}
