//! [`ProcessCredentials`]: credentials printed by a command, in the JSON the aliyun CLI's
//! `External` mode reads (`{"mode":"AK"|"StsToken","access_key_id","access_key_secret",
//! "sts_token"}`). The command is split on whitespace (like the aliyun CLI does) and run
//! without a shell, once per call: the command itself decides about caching.

use async_trait::async_trait;
use serde::Deserialize;

use super::{Credentials, CredentialsError, CredentialsProvider};
use crate::Secret;

/// Runs a command for credentials.
#[derive(Debug, Clone)]
pub struct ProcessCredentials {
    command: String,
}

#[derive(Deserialize)]
struct External {
    mode: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    sts_token: Option<String>,
}

impl ProcessCredentials {
    /// A provider running `command` (program and arguments separated by whitespace).
    pub fn new(command: impl Into<String>) -> Self {
        Self {
            command: command.into(),
        }
    }

    fn run(command: &str) -> Result<Credentials, CredentialsError> {
        let fail = |why: String| CredentialsError::Other(format!("{command:?}: {why}"));
        let mut words = command.split_whitespace();
        let program = words
            .next()
            .ok_or_else(|| fail("the command is empty".into()))?;
        let out = std::process::Command::new(program)
            .args(words)
            .stdin(std::process::Stdio::null())
            .output()
            .map_err(|e| fail(format!("could not start it ({e})")))?;
        if !out.status.success() {
            return Err(fail(format!("it failed ({})", out.status)));
        }
        parse_external(&out.stdout).map_err(fail)
    }
}

/// Reads the aliyun CLI `External` document.
pub fn parse_external(stdout: &[u8]) -> Result<Credentials, String> {
    let doc: External = serde_json::from_slice(stdout)
        .map_err(|_| "its output is not the External credentials JSON".to_string())?;
    let field = |v: Option<String>, name: &str| {
        v.filter(|s| !s.is_empty())
            .ok_or_else(|| format!("its output has no {name}"))
    };
    let id = field(doc.access_key_id, "access_key_id")?;
    let secret = Secret::new(field(doc.access_key_secret, "access_key_secret")?);
    match doc.mode.as_deref() {
        Some("AK") => Ok(Credentials::new(id, secret)),
        Some("StsToken") => Ok(Credentials {
            access_key_id: id,
            access_key_secret: secret,
            security_token: Some(Secret::new(field(doc.sts_token, "sts_token")?)),
            expiration: None,
        }),
        other => Err(format!(
            "its output's mode is {:?}, not \"AK\" or \"StsToken\"",
            other.unwrap_or_default()
        )),
    }
}

#[async_trait]
impl CredentialsProvider for ProcessCredentials {
    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let command = self.command.clone();
        tokio::task::spawn_blocking(move || Self::run(&command))
            .await
            .map_err(|e| CredentialsError::Other(format!("the command did not finish ({e})")))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_external_document() {
        let ak =
            parse_external(br#"{"mode":"AK","access_key_id":"LTAIx","access_key_secret":"s"}"#)
                .unwrap();
        assert_eq!(ak.access_key_id, "LTAIx");
        assert!(ak.security_token.is_none());
        let sts = parse_external(
            br#"{"mode":"StsToken","access_key_id":"STS.x","access_key_secret":"s","sts_token":"t"}"#,
        )
        .unwrap();
        assert_eq!(sts.security_token.unwrap().expose(), "t");
        assert!(
            parse_external(br#"{"mode":"StsToken","access_key_id":"a","access_key_secret":"s"}"#)
                .unwrap_err()
                .contains("sts_token")
        );
        assert!(parse_external(b"nope").is_err());
        assert!(
            parse_external(br#"{"mode":"RamRoleArn","access_key_id":"a","access_key_secret":"s"}"#)
                .is_err()
        );
    }

    #[test]
    fn failures_name_the_command() {
        let err = ProcessCredentials::run("no-such-program-for-tests").unwrap_err();
        assert!(err.to_string().contains("could not start"), "{err}");
        let err = ProcessCredentials::run("false").unwrap_err();
        assert!(err.to_string().contains("it failed"), "{err}");
    }
}
