//! `EipDesk` methods behind the Terminal panel's writes to the aliyun CLI's `config.json`
//! (set up an `External` profile, move plaintext keys into the keychain, restore a backup).
//! The file is the one the import reads (`ALIBABA_CLOUD_CONFIG_FILE` overrides it, so tests
//! and e2e never touch the real home). Each write takes the fingerprint its preview showed.

use std::path::PathBuf;

use super::state::blocking;
use crate::desk::EipDesk;
use crate::error::CoreError;
use crate::profiles::ProfileId;
use crate::profiles::aliyun_config::{
    BackupList, ConfigWriteError, MovePreview, MoveReport, RestoreReport, SetupPreview,
    SetupReport, migrate, restore, setup,
};
use crate::profiles::import::ImportSources;

/// The aliyun CLI configuration file, as the import locates it.
fn config_path() -> Result<PathBuf, ConfigWriteError> {
    ImportSources::from_process()
        .aliyun_config
        .ok_or(ConfigWriteError::NoHome)
}

impl EipDesk {
    /// What "Set up the aliyun CLI" would add for profile `id`.
    pub async fn aliyun_setup_preview(&self, id: ProfileId) -> Result<SetupPreview, CoreError> {
        let shared = self.profiles.shared()?;
        blocking(move || -> Result<SetupPreview, CoreError> {
            let profile = shared.store().summary(&id)?;
            refuse_sandbox(&profile)?;
            Ok(setup::preview(&config_path()?, &profile)?)
        })
        .await?
    }

    /// Adds what the preview with `fingerprint` showed.
    pub async fn aliyun_setup_apply(
        &self,
        id: ProfileId,
        fingerprint: String,
    ) -> Result<SetupReport, CoreError> {
        let shared = self.profiles.shared()?;
        blocking(move || -> Result<SetupReport, CoreError> {
            let profile = shared.store().summary(&id)?;
            refuse_sandbox(&profile)?;
            Ok(setup::apply(&config_path()?, &profile, &fingerprint)?)
        })
        .await?
    }

    /// The aliyun CLI profiles holding an AccessKey secret, and what moving each would do.
    pub async fn aliyun_move_preview(&self) -> Result<MovePreview, CoreError> {
        let shared = self.profiles.shared()?;
        blocking(move || Ok(migrate::preview(&config_path()?, &shared.store())?)).await?
    }

    /// Moves the selected aliyun CLI profiles' keys into EIP Desk profiles (keychain).
    pub async fn aliyun_move_apply(
        &self,
        fingerprint: String,
        cli_profiles: Vec<String>,
    ) -> Result<MoveReport, CoreError> {
        let shared = self.profiles.shared()?;
        blocking(move || -> Result<MoveReport, CoreError> {
            let mut store = shared.store();
            Ok(migrate::apply(
                &config_path()?,
                &fingerprint,
                &cli_profiles,
                &mut store,
            )?)
        })
        .await?
    }

    /// The backups beside the aliyun CLI configuration, newest first.
    pub async fn aliyun_config_backups(&self) -> Result<BackupList, CoreError> {
        blocking(|| Ok(restore::backups(&config_path()?)?)).await?
    }

    /// Puts backup `name` back (the file must still have `fingerprint`).
    pub async fn aliyun_config_restore(
        &self,
        name: String,
        fingerprint: String,
    ) -> Result<RestoreReport, CoreError> {
        blocking(move || Ok(restore::restore(&config_path()?, &name, &fingerprint)?)).await?
    }
}

/// The Sandbox runs inside the app; a terminal cannot use it.
fn refuse_sandbox(profile: &crate::profiles::ProfileSummary) -> Result<(), CoreError> {
    if profile.builtin {
        return Err(crate::profiles::ProfileError::Builtin("used from a terminal").into());
    }
    Ok(())
}
