//! Ordering and searching profiles for the switcher: a pure function of the summaries,
//! the query and the current time.
//!
//! Without a query, profiles come "recent and frequent first" (a frecency score from the
//! last switch and the switch count). With a query, every whitespace-separated term must
//! match the name, account ID, region or environment label; better matches (exact name,
//! name prefix, word prefix, substring, then other fields, then a fuzzy subsequence of the
//! name) come first, and frecency breaks ties.

use std::cmp::Ordering;

use time::OffsetDateTime;

use super::model::ProfileSummary;

/// Frecency of a profile: a recency weight times a slowly growing function of the count.
pub fn frecency(last_used: Option<OffsetDateTime>, use_count: u32, now: OffsetDateTime) -> f64 {
    let Some(last) = last_used else {
        return 0.0;
    };
    let age_days = ((now - last).as_seconds_f64() / 86_400.0).max(0.0);
    let recency = if age_days <= 1.0 {
        100.0
    } else if age_days <= 7.0 {
        70.0
    } else if age_days <= 30.0 {
        50.0
    } else if age_days <= 90.0 {
        30.0
    } else {
        10.0
    };
    recency * (1.0 + f64::from(use_count).ln_1p())
}

/// Orders (and, with a non-blank query, filters) `profiles` for the switcher.
pub fn rank(profiles: &[ProfileSummary], query: &str, now: OffsetDateTime) -> Vec<ProfileSummary> {
    let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut scored: Vec<(u32, f64, &ProfileSummary)> = profiles
        .iter()
        .filter_map(|p| {
            let mut total = 0;
            for term in &terms {
                total += match_tier(p, term)?;
            }
            Some((total, frecency(p.last_used, p.use_count, now), p))
        })
        .collect();
    scored.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal))
            .then(b.2.last_used.cmp(&a.2.last_used))
            .then_with(|| a.2.name.to_lowercase().cmp(&b.2.name.to_lowercase()))
            .then_with(|| a.2.id.cmp(&b.2.id))
    });
    scored.into_iter().map(|(_, _, p)| p.clone()).collect()
}

/// How well one lower-cased term matches a profile (lower is better), or `None`.
fn match_tier(p: &ProfileSummary, term: &str) -> Option<u32> {
    let name = p.name.to_lowercase();
    let mut best: Option<u32> = None;
    let mut consider = |tier: u32, matched: bool| {
        if matched {
            best = Some(best.map_or(tier, |b| b.min(tier)));
        }
    };
    consider(0, name == term);
    consider(1, name.starts_with(term));
    consider(
        2,
        name.split(|c: char| !c.is_alphanumeric())
            .any(|word| !word.is_empty() && word.starts_with(term)),
    );
    consider(3, name.contains(term));
    if let Some(account) = &p.account_id {
        consider(3, account.starts_with(term));
        consider(5, account.contains(term));
    }
    let region = p.region.to_lowercase();
    consider(4, region == term || region.starts_with(term));
    consider(5, region.contains(term));
    consider(4, p.label.as_str().starts_with(term) && term.len() >= 2);
    consider(8, is_subsequence(term, &name));
    best
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut hay = haystack.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::{AuthMode, EnvLabel, ProfileId};
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-06-01 12:00:00 UTC);

    fn p(
        id: &str,
        name: &str,
        region: &str,
        label: EnvLabel,
        account: Option<&str>,
        last_days_ago: Option<i64>,
        count: u32,
    ) -> ProfileSummary {
        ProfileSummary {
            id: ProfileId::parse(id).unwrap(),
            name: name.into(),
            mode: AuthMode::AccessKey,
            region: region.into(),
            label,
            label_color: label.color(),
            access_key_id_masked: None,
            account_id: account.map(Into::into),
            sts_expiration: None,
            role: None,
            active: false,
            builtin: false,
            last_used: last_days_ago.map(|d| NOW - time::Duration::days(d)),
            use_count: count,
            imported_from: None,
            endpoint: None,
        }
    }

    fn names(v: &[ProfileSummary]) -> Vec<&str> {
        v.iter().map(|p| p.name.as_str()).collect()
    }

    fn sample() -> Vec<ProfileSummary> {
        vec![
            p(
                "p-1",
                "never used",
                "cn-hangzhou",
                EnvLabel::None,
                None,
                None,
                0,
            ),
            p(
                "p-2",
                "old favourite",
                "cn-beijing",
                EnvLabel::Staging,
                None,
                Some(200),
                50,
            ),
            p(
                "p-3",
                "prod admin",
                "cn-shanghai",
                EnvLabel::Production,
                Some("1234567890"),
                Some(0),
                3,
            ),
            p(
                "p-4",
                "daily",
                "ap-southeast-1",
                EnvLabel::Test,
                Some("5550001111"),
                Some(0),
                40,
            ),
        ]
    }

    #[test]
    fn empty_query_orders_recent_and_frequent_first() {
        let ranked = rank(&sample(), "  ", NOW);
        assert_eq!(
            names(&ranked),
            ["daily", "prod admin", "old favourite", "never used"]
        );
    }

    #[test]
    fn name_matches_beat_other_fields() {
        let mut profiles = sample();
        profiles.push(p(
            "p-5",
            "staging-x",
            "cn-hangzhou",
            EnvLabel::None,
            None,
            None,
            0,
        ));
        // "prod" is a name prefix of "prod admin" and the label of nothing else.
        assert_eq!(names(&rank(&profiles, "prod", NOW)), ["prod admin"]);
        // "staging": name prefix first, then the profile labelled staging.
        assert_eq!(
            names(&rank(&profiles, "staging", NOW)),
            ["staging-x", "old favourite"]
        );
        // word prefix
        assert_eq!(names(&rank(&profiles, "admin", NOW)), ["prod admin"]);
    }

    #[test]
    fn searches_account_region_and_label() {
        let profiles = sample();
        assert_eq!(names(&rank(&profiles, "555", NOW)), ["daily"]);
        assert_eq!(names(&rank(&profiles, "ap-south", NOW)), ["daily"]);
        assert_eq!(names(&rank(&profiles, "production", NOW)), ["prod admin"]);
        assert_eq!(names(&rank(&profiles, "cn-", NOW)).len(), 3);
        // every term must match
        assert_eq!(names(&rank(&profiles, "cn- prod", NOW)), ["prod admin"]);
        assert!(rank(&profiles, "nomatch", NOW).is_empty());
    }

    #[test]
    fn fuzzy_subsequence_is_last_resort() {
        assert_eq!(names(&rank(&sample(), "pdam", NOW)), ["prod admin"]);
    }

    #[test]
    fn frecency_prefers_recent_then_frequent() {
        let recent = frecency(Some(NOW), 1, NOW);
        let old = frecency(Some(NOW - time::Duration::days(100)), 100, NOW);
        assert!(recent > old);
        assert!(frecency(Some(NOW), 10, NOW) > frecency(Some(NOW), 1, NOW));
        assert_eq!(frecency(None, 10, NOW), 0.0);
    }
}
