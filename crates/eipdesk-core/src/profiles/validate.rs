//! Field checks for profile input (names, regions, AccessKey IDs, RAM role and OIDC settings).
//! Each returns the cleaned value or a [`FieldError`] naming the field. What is wrong is a
//! message key ([`FieldReason`], prefix `fld`) and the field's label one too ([`FieldLabel`],
//! prefix `fldl`): the profile form and the import dialog word them in the user's language,
//! the CLI gets their English.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::Message;

/// A rejected input field. Its text names the field as the form labels it
/// (`AccessKey secret: …`); `field` is the DTO's camelCase name for the UI to place it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {reason}", label(field))]
pub struct FieldError {
    /// camelCase field name, as in the UI's DTOs.
    pub field: &'static str,
    /// What is wrong, safe to show (never echoes a secret).
    pub reason: FieldReason,
}

pub(crate) fn field(field: &'static str, reason: FieldReason) -> FieldError {
    FieldError { field, reason }
}

/// What is wrong with a profile field (the sentence after the field's label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum FieldReason {
    EnterName,
    NameTooLong { max: usize },
    NameControl,
    NameInvisible,
    RegionUnknown { region: String },
    RegionShape,
    EnterKeyId,
    KeyIdShape,
    EnterValue,
    SingleLine,
    SecretSpaces,
    CommandShape,
    RoleNameShape,
    UrlShape,
    RoleArnShape,
    OidcProviderArnShape,
    TokenFileEnter,
    TokenFileAbsolute,
    TokenFileNotFile,
    TokenFileMissing,
    SessionNameShape,
    DurationRange { min: u32, max: u32 },
    ExternalIdShape,
    EnterToken,
    EnterNewSecret,
    EnterSecret,
    ChooseSource,
    EnterRoleArn,
    EnterSessionName,
    SourceMissing,
    SandboxNotSource,
}

impl Message for FieldReason {
    const PREFIX: &'static str = "fld";
}

impl std::fmt::Display for FieldReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// A profile field as the form labels it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum FieldLabel {
    Name,
    Region,
    AccessKeyId,
    AccessKeySecret,
    SecurityToken,
    Expiration,
    RoleArn,
    SessionName,
    DurationSeconds,
    ExternalId,
    Source,
    SourceAccessKeyId,
    SourceAccessKeySecret,
    Endpoint,
    RoleName,
    MetadataEndpoint,
    Uri,
    Command,
    OidcProviderArn,
    OidcTokenFile,
    /// A field without a label of its own: its name.
    Other {
        name: String,
    },
}

impl Message for FieldLabel {
    const PREFIX: &'static str = "fldl";
}

impl FieldLabel {
    /// The label of a DTO field (`accessKeySecret`, `source.accessKeyId`).
    pub fn of(field: &str) -> Self {
        match field {
            "name" => Self::Name,
            "region" => Self::Region,
            "accessKeyId" => Self::AccessKeyId,
            "accessKeySecret" => Self::AccessKeySecret,
            "securityToken" => Self::SecurityToken,
            "expiration" => Self::Expiration,
            "roleArn" => Self::RoleArn,
            "sessionName" => Self::SessionName,
            "durationSeconds" => Self::DurationSeconds,
            "externalId" => Self::ExternalId,
            "source" => Self::Source,
            "source.accessKeyId" => Self::SourceAccessKeyId,
            "source.accessKeySecret" => Self::SourceAccessKeySecret,
            "endpoint" => Self::Endpoint,
            "roleName" => Self::RoleName,
            "metadataEndpoint" => Self::MetadataEndpoint,
            "uri" => Self::Uri,
            "command" => Self::Command,
            "oidcProviderArn" => Self::OidcProviderArn,
            "oidcTokenFile" => Self::OidcTokenFile,
            other => Self::Other {
                name: other.to_string(),
            },
        }
    }
}

/// The form's label of a DTO field (`accessKeySecret` → `AccessKey secret`), in English.
pub fn label(field: &str) -> String {
    FieldLabel::of(field).english()
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
        return Err(field("name", FieldReason::EnterName));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(field(
            "name",
            FieldReason::NameTooLong {
                max: MAX_NAME_CHARS,
            },
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(field("name", FieldReason::NameControl));
    }
    if trimmed.chars().any(is_invisible_format) {
        return Err(field("name", FieldReason::NameInvisible));
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
        Err(field("region", FieldReason::RegionUnknown { region: v }))
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
        Err(field("region", FieldReason::RegionShape))
    }
}

/// An AccessKey ID: 1..=128 printable ASCII characters without spaces.
pub fn access_key_id(field_name: &'static str, value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(field(field_name, FieldReason::EnterKeyId));
    }
    if v.len() > 128 || !v.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(field(field_name, FieldReason::KeyIdShape));
    }
    Ok(v.to_string())
}

/// A secret value must be non-blank, single-line and without surrounding whitespace (it is
/// never echoed back).
pub fn secret(field_name: &'static str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(field(field_name, FieldReason::EnterValue));
    }
    if value.chars().any(|c| c == '\n' || c == '\r' || c == '\0') {
        return Err(field(field_name, FieldReason::SingleLine));
    }
    if value.trim() != value {
        return Err(field(field_name, FieldReason::SecretSpaces));
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
        return Err(field("command", FieldReason::CommandShape));
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
        Err(field("roleName", FieldReason::RoleNameShape))
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
        Err(field(field_name, FieldReason::UrlShape))
    }
}

/// `acs:ram::<account digits>:role/<role name>`.
pub fn role_arn(value: &str) -> Result<String, FieldError> {
    ram_arn(value, ":role/", "roleArn", FieldReason::RoleArnShape)
}

/// `acs:ram::<account digits>:oidc-provider/<provider name>`.
pub fn oidc_provider_arn(value: &str) -> Result<String, FieldError> {
    ram_arn(
        value,
        ":oidc-provider/",
        "oidcProviderArn",
        FieldReason::OidcProviderArnShape,
    )
}

/// `acs:ram::<account digits><kind><name>` with a name of 1..=256 visible ASCII characters.
fn ram_arn(
    value: &str,
    kind: &str,
    field_name: &'static str,
    hint: FieldReason,
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
    let fail = |reason: FieldReason| Err(field("oidcTokenFile", reason));
    if v.is_empty() || v.chars().any(char::is_control) {
        return fail(FieldReason::TokenFileEnter);
    }
    let path = std::path::Path::new(v);
    if !path.is_absolute() {
        return fail(FieldReason::TokenFileAbsolute);
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(v.to_string()),
        Ok(_) => fail(FieldReason::TokenFileNotFile),
        Err(_) => fail(FieldReason::TokenFileMissing),
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
        Err(field("sessionName", FieldReason::SessionNameShape))
    }
}

/// DurationSeconds within [`DURATION_RANGE`].
pub fn duration(value: u32) -> Result<u32, FieldError> {
    if DURATION_RANGE.contains(&value) {
        Ok(value)
    } else {
        Err(field(
            "durationSeconds",
            FieldReason::DurationRange {
                min: *DURATION_RANGE.start(),
                max: *DURATION_RANGE.end(),
            },
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
        Err(field("externalId", FieldReason::ExternalIdShape))
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
            assert!(
                err.reason.to_string().contains("spaces before or after"),
                "{err}"
            );
        }
    }
}
