//! `exec PROFILE -- CMD…` (the command runs with the profile's credentials in its
//! environment; its exit code becomes ours) and `env PROFILE` (`export` lines for a shell).

use std::process::Command;

use alicloud_api::credentials::Credentials;

use crate::creds::{CLEARED_VARS, env_vars};
use crate::error::CliError;

/// Runs `argv` with the credentials; returns its exit code (128 + signal when killed).
pub fn exec(c: &Credentials, region: &str, argv: &[String]) -> Result<u8, CliError> {
    let Some((program, args)) = argv.split_first() else {
        return Err(CliError::Invalid(
            "name the command to run after `--`".into(),
        ));
    };
    let mut command = Command::new(program);
    command.args(args);
    for name in CLEARED_VARS {
        command.env_remove(name);
    }
    command.envs(env_vars(c, region));
    let status = command.status().map_err(|source| CliError::NotStarted {
        program: program.clone(),
        source,
    })?;
    Ok(exit_code(status))
}

fn exit_code(status: std::process::ExitStatus) -> u8 {
    if let Some(code) = status.code() {
        return u8::try_from(code & 0xff).unwrap_or(1);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return u8::try_from(128 + signal).unwrap_or(1);
        }
    }
    1
}

/// `export NAME='value'` lines, quoted for POSIX shells.
pub fn export_lines(c: &Credentials, region: &str) -> String {
    let mut out = String::new();
    for name in CLEARED_VARS {
        out.push_str(&format!("unset {name}\n"));
    }
    for (name, value) in env_vars(c, region) {
        out.push_str(&format!("export {name}={}\n", shell_quote(&value)));
    }
    out
}

fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_for_posix_shells() {
        assert_eq!(shell_quote("a'b c"), "'a'\\''b c'");
        let c = Credentials::new(
            "LTAI5tFakeForTests",
            alicloud_api::Secret::from("fake'secret"),
        );
        let text = export_lines(&c, "cn-hangzhou");
        assert!(text.contains("export ALIBABA_CLOUD_ACCESS_KEY_SECRET='fake'\\''secret'\n"));
        assert!(text.contains("unset ALIBABA_CLOUD_SECURITY_TOKEN\n"));
        assert!(text.contains("export ALICLOUD_REGION='cn-hangzhou'\n"));
    }
}
