//! Real-looking, deterministic identifiers: `eip-bp1…`, `eni-uf6…`, `i-…`, `vpc-…`, `vsw-…`,
//! `sg-…` (prefix + region code + 17 base-36 characters), MAC addresses in Alibaba's
//! `00:16:3e` block and numeric account/user IDs — all derived from a hash of a key, so the
//! same seed always yields the same IDs.

use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// `prefix-<code><17 chars>` from a hash of `key`.
pub fn resource_id(prefix: &str, region_code: &str, key: &str) -> String {
    let d = digest(key);
    let mut out = String::with_capacity(prefix.len() + 1 + region_code.len() + 17);
    out.push_str(prefix);
    out.push('-');
    out.push_str(region_code);
    for byte in d.iter().take(17) {
        out.push(ALPHABET[usize::from(*byte) % ALPHABET.len()] as char);
    }
    out
}

/// A MAC address in the `00:16:3e` block.
pub fn mac(key: &str) -> String {
    let d = digest(key);
    format!("00:16:3e:{:02x}:{:02x}:{:02x}", d[0], d[1], d[2])
}

/// A numeric ID of `digits` digits (no leading zero).
pub fn numeric(key: &str, digits: usize) -> String {
    let d = digest(key);
    let mut out = String::with_capacity(digits);
    for (i, byte) in d.iter().cycle().take(digits).enumerate() {
        let digit = if i == 0 { 1 + byte % 9 } else { byte % 10 };
        out.push(char::from(b'0' + digit));
    }
    out
}

/// Random-looking alphanumeric text (`len` chars) from a hash chain of `key`.
pub fn token_chars(key: &str, len: usize, alphabet: &[u8]) -> String {
    let mut out = String::with_capacity(len);
    let mut round = 0u32;
    while out.len() < len {
        let d = digest(&format!("{key}#{round}"));
        for byte in d {
            if out.len() == len {
                break;
            }
            out.push(alphabet[usize::from(byte) % alphabet.len()] as char);
        }
        round += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_shaped() {
        let a = resource_id("eip", "bp1", "acct/cn-hangzhou/eip/web");
        assert_eq!(a, resource_id("eip", "bp1", "acct/cn-hangzhou/eip/web"));
        assert_ne!(a, resource_id("eip", "bp1", "acct/cn-hangzhou/eip/db"));
        assert!(a.starts_with("eip-bp1"));
        assert_eq!(a.len(), "eip-bp1".len() + 17);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
    }

    #[test]
    fn macs_and_numbers() {
        let m = mac("x");
        assert!(m.starts_with("00:16:3e:"));
        assert_eq!(m.len(), 17);
        let n = numeric("acct", 16);
        assert_eq!(n.len(), 16);
        assert!(!n.starts_with('0'));
        assert_eq!(token_chars("k", 50, b"AB").len(), 50);
    }
}
