//! A secret store for desk tests that create no profiles: the keychain stays empty, and no
//! Secret Service is needed.

use alicloud_api::Secret;
use eipdesk_core::profiles::{KeychainError, SecretStore};

#[derive(Debug, Default)]
pub struct NoKeychain;

impl SecretStore for NoKeychain {
    fn set(&self, _: &str, _: &Secret) -> Result<(), KeychainError> {
        Ok(())
    }
    fn get(&self, _: &str) -> Result<Option<Secret>, KeychainError> {
        Ok(None)
    }
    fn delete(&self, _: &str) -> Result<bool, KeychainError> {
        Ok(false)
    }
    fn check(&self) -> Result<(), KeychainError> {
        Ok(())
    }
}
