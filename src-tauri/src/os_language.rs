//! The OS's interface language, handed to the window at load. WebKitGTK derives
//! `navigator.languages` from the C library's locale, which is "C" (English) when the user's
//! locale is not generated on the machine; the environment the desktop session sets
//! (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`, in gettext's order) says what the user asked
//! for either way. The UI (`ui/src/lib/i18n/locale.svelte.ts`) puts these tags before
//! `navigator.languages`.

use tauri::Runtime;
use tauri::plugin::{Builder, TauriPlugin};

/// The user's languages as BCP 47 tags, most preferred first: `zh_CN.UTF-8` → `zh-CN`; the
/// C and POSIX locales name no language and are left out.
pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    if let Some(list) = get("LANGUAGE").filter(|v| !v.is_empty()) {
        raw.extend(list.split(':').map(str::to_owned));
    }
    // The first of these that is set is the locale in effect.
    if let Some(locale) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))
    {
        raw.push(locale);
    }
    let mut tags: Vec<String> = Vec::new();
    for value in raw {
        if let Some(tag) = bcp47(&value).filter(|t| !tags.contains(t)) {
            tags.push(tag);
        }
    }
    tags
}

/// `zh_CN.UTF-8@variant` → `zh-CN`; `C`, `POSIX` or anything not a language → `None`.
fn bcp47(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next()?;
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    let mut parts = base.split(['_', '-']);
    let lang = parts.next()?;
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = lang.to_ascii_lowercase();
    for p in parts {
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        tag.push('-');
        tag.push_str(p);
    }
    Some(tag)
}

/// A plugin (no commands, so no permissions) whose script sets `window.__EIPDESK_OS_LANGUAGES__`
/// before the UI's own scripts run.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let tags = from_env(|k| std::env::var(k).ok());
    // The tags are ASCII letters, digits and dashes only, so they need no escaping.
    let list = tags
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(",");
    let script = format!(
        "Object.defineProperty(window, '__EIPDESK_OS_LANGUAGES__', {{ value: Object.freeze([{list}]) }});"
    );
    Builder::new("os-language").js_init_script(script).build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Vec<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        from_env(|k| map.get(k).cloned())
    }

    #[test]
    fn language_list_comes_first_then_the_locale_in_effect() {
        assert_eq!(
            env(&[("LANGUAGE", "zh_CN:en_US"), ("LANG", "de_DE.UTF-8")]),
            ["zh-CN", "en-US", "de-DE"]
        );
    }

    #[test]
    fn lc_all_overrides_lc_messages_and_lang() {
        assert_eq!(
            env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]),
            ["zh-CN"]
        );
        assert_eq!(
            env(&[("LC_MESSAGES", "zh_SG.UTF-8"), ("LANG", "en_US.UTF-8")]),
            ["zh-SG"]
        );
    }

    #[test]
    fn c_posix_empty_and_junk_name_no_language() {
        assert!(env(&[("LANG", "C.UTF-8")]).is_empty());
        assert!(env(&[("LC_ALL", "POSIX")]).is_empty());
        assert!(env(&[("LANGUAGE", ""), ("LANG", "")]).is_empty());
        assert!(env(&[("LANG", "\"/><script>")]).is_empty());
        assert!(env(&[]).is_empty());
    }

    #[test]
    fn duplicates_are_dropped_and_modifiers_ignored() {
        assert_eq!(
            env(&[("LANGUAGE", "zh_CN"), ("LANG", "zh_CN.UTF-8@pinyin")]),
            ["zh-CN"]
        );
    }
}
