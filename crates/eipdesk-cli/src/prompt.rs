//! Reading a secret: from standard input when it is a pipe or a file (one line, the line
//! break removed), or from a prompt with echo off when it is a terminal. Never from argv.

use std::io::{BufRead, IsTerminal, Write};

use alicloud_api::Secret;

use crate::error::CliError;

/// Reads one secret; `what` names it in the prompt ("AccessKey secret").
pub fn read_secret(what: &str) -> Result<Secret, CliError> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    if interactive {
        eprint!("{what}: ");
        let _ = std::io::stderr().flush();
    }
    let _echo = interactive.then(EchoOff::new).flatten();
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if interactive {
        eprintln!();
    }
    read.map_err(|e| CliError::Invalid(format!("could not read the {what}: {e}")))?;
    let value = line
        .strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(&line);
    if value.is_empty() {
        return Err(CliError::Invalid(format!(
            "no {what} on standard input (pipe it in, or run in a terminal to be asked)"
        )));
    }
    Ok(Secret::from(value))
}

/// Terminal echo switched off until dropped.
struct EchoOff {
    #[cfg(unix)]
    saved: rustix::termios::Termios,
}

impl EchoOff {
    #[cfg(unix)]
    fn new() -> Option<Self> {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let fd = std::io::stdin();
        let saved = tcgetattr(&fd).ok()?;
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        tcsetattr(&fd, OptionalActions::Now, &quiet).ok()?;
        Some(Self { saved })
    }

    #[cfg(not(unix))]
    fn new() -> Option<Self> {
        None
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use rustix::termios::{OptionalActions, tcsetattr};
            let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, &self.saved);
        }
    }
}
