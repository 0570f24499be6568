//! `eipdesk-cli`: EIP Desk's profiles and keychain for the terminal — the aliyun CLI's
//! External mode (`credentials`), any tool through environment variables (`exec`, `env`),
//! the SDKs through `ALIBABA_CLOUD_CREDENTIALS_URI` (`serve`), and profile management
//! (`profiles`). It shares `profiles.toml` and the keychain with the app, links no UI, and
//! never starts the emulator. Errors go to stderr with a hint and a documented exit code.

mod args;
mod cache;
mod context;
mod creds;
mod error;
mod profiles;
mod prompt;
mod run;
mod serve;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command, ProfilesCommand};
use context::Context;
use error::CliError;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors.
            return ExitCode::from(if e.use_stderr() {
                error::exit::USAGE
            } else {
                0
            });
        }
    };
    match dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("eipdesk-cli: {e}");
            let hint = e.hint();
            if !hint.is_empty() {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Other(format!("could not start the async runtime: {e}")))
}

fn dispatch(cli: Cli) -> Result<u8, CliError> {
    let mut ctx = Context::open()?;
    match cli.command {
        Command::Profiles(p) => {
            match p {
                ProfilesCommand::List { json } => profiles::list(&ctx, json),
                ProfilesCommand::Show { profile, json } => {
                    profiles::show(&ctx, profile.as_deref(), json)?
                }
                ProfilesCommand::Add(a) => profiles::add(&mut ctx, &a)?,
                ProfilesCommand::Remove { profile } => profiles::remove(&mut ctx, &profile)?,
                ProfilesCommand::Use { profile } => profiles::use_profile(&mut ctx, &profile)?,
                ProfilesCommand::Import(a) => profiles::import_cmd(&mut ctx, &a)?,
            }
            Ok(0)
        }
        Command::Credentials { profile } => {
            let p = ctx.profile(profile.as_deref())?.clone();
            let c = runtime()?.block_on(creds::resolve(&ctx, &p))?;
            let text = serde_json::to_string(&creds::external_json(&c)).unwrap_or_default();
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            Ok(0)
        }
        Command::Env { profile } => {
            let p = ctx.profile(profile.as_deref())?.clone();
            let c = runtime()?.block_on(creds::resolve(&ctx, &p))?;
            print!("{}", run::export_lines(&c, &p.region));
            Ok(0)
        }
        Command::Exec { profile, command } => {
            let p = ctx.profile(profile.as_deref())?.clone();
            let c = runtime()?.block_on(creds::resolve(&ctx, &p))?;
            run::exec(&c, &p.region, &command)
        }
        Command::Serve { profile, port } => {
            runtime()?.block_on(serve::serve(ctx, profile.as_deref(), port))?;
            Ok(0)
        }
    }
}
