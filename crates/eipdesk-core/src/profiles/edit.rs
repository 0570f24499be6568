//! Merging a [`CredentialsEdit`] with the stored profile: in an edit, a `None` secret field
//! means "keep what the keychain has"; the stored value is reused only where that makes
//! sense (the same AccessKey ID, a compatible mode), otherwise the field is required.

use super::error::ProfileError;
use super::inputs::{CredentialsEdit, RoleSourceEdit, checked_secret};
use super::model::{ModeSettings, RoleSettings, RoleSource};
use super::secret::ProfileSecrets;
use super::validate::{self, FieldError, FieldReason, field};
use alicloud_api::Secret;

/// What happens to the keychain item.
#[derive(Debug)]
pub(crate) enum SecretChange {
    Keep,
    Replace(ProfileSecrets),
    Remove,
}

/// Merges an AccessKey ID/secret pair with the stored one (`base`), if reuse is allowed.
fn merge_key(
    id: Option<String>,
    secret: Option<Secret>,
    base: Option<&ProfileSecrets>,
    fields: (&'static str, &'static str),
) -> Result<(String, Secret), FieldError> {
    let id = match id {
        Some(v) => validate::access_key_id(fields.0, &v)?,
        None => base
            .map(|b| b.access_key_id.clone())
            .ok_or_else(|| field(fields.0, FieldReason::EnterKeyId))?,
    };
    let secret = match (secret, base) {
        (Some(s), _) => checked_secret(fields.1, s)?,
        (None, Some(b)) if b.access_key_id == id => b.access_key_secret.clone(),
        (None, Some(_)) => return Err(field(fields.1, FieldReason::EnterNewSecret)),
        (None, None) => return Err(field(fields.1, FieldReason::EnterSecret)),
    };
    Ok((id, secret))
}

impl CredentialsEdit {
    /// Computes the new settings and keychain change. `load_base` reads the stored secrets;
    /// it is called only when a field is left out and the stored value may be reused.
    pub(crate) fn merge(
        self,
        current: &ModeSettings,
        load_base: impl FnOnce() -> Result<Option<ProfileSecrets>, ProfileError>,
    ) -> Result<(ModeSettings, SecretChange), ProfileError> {
        // A long-term AccessKey stored now (AccessKey mode or a role's own AccessKey).
        let current_long_term = matches!(current, ModeSettings::AccessKey)
            || matches!(current, ModeSettings::RamRole(r) if r.source == RoleSource::AccessKey);
        match self {
            Self::AccessKey {
                access_key_id,
                access_key_secret,
            } => {
                if matches!(current, ModeSettings::AccessKey)
                    && access_key_id.is_none()
                    && access_key_secret.is_none()
                {
                    return Ok((ModeSettings::AccessKey, SecretChange::Keep));
                }
                let base = if current_long_term
                    && (access_key_id.is_none() || access_key_secret.is_none())
                {
                    load_base()?
                } else {
                    None
                };
                let (id, secret) = merge_key(
                    access_key_id,
                    access_key_secret,
                    base.as_ref(),
                    ("accessKeyId", "accessKeySecret"),
                )?;
                Ok((
                    ModeSettings::AccessKey,
                    SecretChange::Replace(ProfileSecrets {
                        access_key_id: id,
                        access_key_secret: secret,
                        security_token: None,
                    }),
                ))
            }
            Self::StsToken {
                access_key_id,
                access_key_secret,
                security_token,
                expiration,
            } => {
                let is_sts = matches!(current, ModeSettings::StsToken { .. });
                let old_expiration = match current {
                    ModeSettings::StsToken { expiration } => *expiration,
                    _ => None,
                };
                if is_sts
                    && access_key_id.is_none()
                    && access_key_secret.is_none()
                    && security_token.is_none()
                {
                    let expiration = expiration.or(old_expiration);
                    return Ok((ModeSettings::StsToken { expiration }, SecretChange::Keep));
                }
                let complete = access_key_id.is_some()
                    && access_key_secret.is_some()
                    && security_token.is_some();
                let base = if is_sts && !complete {
                    load_base()?
                } else {
                    None
                };
                let token_replaced = security_token.is_some();
                let (id, secret) = merge_key(
                    access_key_id,
                    access_key_secret,
                    base.as_ref(),
                    ("accessKeyId", "accessKeySecret"),
                )?;
                let token = match (
                    security_token,
                    base.as_ref().and_then(|b| b.security_token.clone()),
                ) {
                    (Some(t), _) => checked_secret("securityToken", t)?,
                    (None, Some(t)) => t,
                    (None, None) => {
                        return Err(field("securityToken", FieldReason::EnterToken).into());
                    }
                };
                let expiration = if token_replaced {
                    expiration
                } else {
                    expiration.or(old_expiration)
                };
                Ok((
                    ModeSettings::StsToken { expiration },
                    SecretChange::Replace(ProfileSecrets {
                        access_key_id: id,
                        access_key_secret: secret,
                        security_token: Some(token),
                    }),
                ))
            }
            Self::RamRole {
                source,
                role_arn,
                session_name,
                duration_seconds,
                external_id,
            } => {
                let old = match current {
                    ModeSettings::RamRole(r) => Some(r),
                    _ => None,
                };
                let (new_source, change) = match source {
                    Some(RoleSourceEdit::Profile { profile_id }) => {
                        let change = if current.has_keychain_item() {
                            SecretChange::Remove
                        } else {
                            SecretChange::Keep
                        };
                        (RoleSource::Profile { profile_id }, change)
                    }
                    Some(RoleSourceEdit::AccessKey {
                        access_key_id,
                        access_key_secret,
                    }) => {
                        if old.is_some_and(|r| r.source == RoleSource::AccessKey)
                            && access_key_id.is_none()
                            && access_key_secret.is_none()
                        {
                            (RoleSource::AccessKey, SecretChange::Keep)
                        } else {
                            let base = if current_long_term
                                && (access_key_id.is_none() || access_key_secret.is_none())
                            {
                                load_base()?
                            } else {
                                None
                            };
                            let (id, secret) = merge_key(
                                access_key_id,
                                access_key_secret,
                                base.as_ref(),
                                ("source.accessKeyId", "source.accessKeySecret"),
                            )?;
                            (
                                RoleSource::AccessKey,
                                SecretChange::Replace(ProfileSecrets {
                                    access_key_id: id,
                                    access_key_secret: secret,
                                    security_token: None,
                                }),
                            )
                        }
                    }
                    None => match old {
                        Some(r) => (r.source.clone(), SecretChange::Keep),
                        None => {
                            return Err(field("source", FieldReason::ChooseSource).into());
                        }
                    },
                };
                let role = RoleSettings {
                    source: new_source,
                    role_arn: match (role_arn, old) {
                        (Some(v), _) => validate::role_arn(&v)?,
                        (None, Some(r)) => r.role_arn.clone(),
                        (None, None) => {
                            return Err(field("roleArn", FieldReason::EnterRoleArn).into());
                        }
                    },
                    session_name: match (session_name, old) {
                        (Some(v), _) => validate::session_name(&v)?,
                        (None, Some(r)) => r.session_name.clone(),
                        (None, None) => {
                            return Err(field("sessionName", FieldReason::EnterSessionName).into());
                        }
                    },
                    duration_seconds: match (duration_seconds, old) {
                        (Some(v), _) => validate::duration(v)?,
                        (None, Some(r)) => r.duration_seconds,
                        (None, None) => validate::DEFAULT_DURATION_SECONDS,
                    },
                    external_id: match (external_id, old) {
                        (Some(v), _) => validate::external_id(&v)?,
                        (None, Some(r)) => r.external_id.clone(),
                        (None, None) => None,
                    },
                };
                Ok((ModeSettings::RamRole(role), change))
            }
        }
    }
}
