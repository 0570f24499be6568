//! Golden responses: every listing action (and the small Describe actions) against the demo,
//! `scale:8` and empty seeds, in JSON and XML, compared byte for byte with the fixtures in
//! `tests/golden/` (`RequestId` normalised). Rendering changes must keep these bytes.
//!
//! To regenerate after an intended change of output: `UPDATE_GOLDEN=1 cargo test --test golden`.

mod common;

use std::path::PathBuf;

use alicloud_emulator::{Delays, Seed};
use common::{Client, ECS, Sig, VPC, state_with};

const HZ: (&str, &str) = ("RegionId", "cn-hangzhou");

/// One call: version, action, format, parameters.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

fn listing_cases(hz_only: bool) -> Vec<Case> {
    let mut cases: Vec<Case> = vec![
        (
            VPC,
            "DescribeEipAddresses",
            "JSON",
            vec![HZ, ("PageSize", "100")],
        ),
        (
            VPC,
            "DescribeEipAddresses",
            "JSON",
            vec![HZ, ("PageSize", "3"), ("PageNumber", "2")],
        ),
        (
            VPC,
            "DescribeEipAddresses",
            "XML",
            vec![HZ, ("PageSize", "100")],
        ),
        (
            ECS,
            "DescribeNetworkInterfaces",
            "JSON",
            vec![HZ, ("MaxResults", "500")],
        ),
        (
            ECS,
            "DescribeNetworkInterfaces",
            "JSON",
            vec![HZ, ("MaxResults", "10")],
        ),
        (
            ECS,
            "DescribeNetworkInterfaces",
            "JSON",
            vec![HZ, ("PageSize", "4"), ("PageNumber", "2")],
        ),
        (
            ECS,
            "DescribeNetworkInterfaces",
            "XML",
            vec![HZ, ("MaxResults", "500")],
        ),
        (
            ECS,
            "DescribeInstances",
            "JSON",
            vec![HZ, ("PageSize", "100")],
        ),
        (
            ECS,
            "DescribeInstances",
            "JSON",
            vec![HZ, ("MaxResults", "2")],
        ),
        (
            ECS,
            "DescribeInstances",
            "XML",
            vec![HZ, ("MaxResults", "100")],
        ),
        (VPC, "DescribeVpcs", "JSON", vec![HZ, ("PageSize", "50")]),
        (VPC, "DescribeVpcs", "XML", vec![HZ, ("PageSize", "50")]),
        (
            VPC,
            "DescribeVSwitches",
            "JSON",
            vec![HZ, ("PageSize", "50")],
        ),
        (
            VPC,
            "DescribeVSwitches",
            "XML",
            vec![HZ, ("PageSize", "50")],
        ),
    ];
    if !hz_only {
        let sh = ("RegionId", "cn-shanghai");
        cases.extend([
            (VPC, "DescribeEipAddresses", "JSON", vec![sh]),
            (ECS, "DescribeNetworkInterfaces", "JSON", vec![sh]),
            (ECS, "DescribeInstances", "JSON", vec![sh]),
            (VPC, "DescribeVpcs", "JSON", vec![sh]),
            (VPC, "DescribeVSwitches", "JSON", vec![sh]),
            (VPC, "DescribeRegions", "JSON", vec![]),
            (
                VPC,
                "DescribeRegions",
                "XML",
                vec![("AcceptLanguage", "en-US")],
            ),
            (ECS, "DescribeRegions", "JSON", vec![]),
            (
                ECS,
                "DescribeInstanceTypes",
                "JSON",
                vec![("MaxResults", "5")],
            ),
        ]);
    }
    cases
}

async fn render(seed: Seed, cases: &[Case]) -> String {
    let state = state_with(seed, Delays::uniform(0));
    let mut out = String::new();
    for (version, action, format, params) in cases {
        let mut client = Client::new(state.clone(), Sig::V1);
        client.format = (*format).to_string();
        let reply = client.call(version, action, params).await;
        assert_eq!(reply.status, 200, "{action}: {}", reply.text);
        let request_id = reply.headers["x-acs-request-id"].to_str().unwrap();
        assert!(
            reply.text.contains(request_id),
            "{action}: RequestId in body"
        );
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push_str(&format!("== {action} {format} {}\n", query.join("&")));
        out.push_str(&reply.text.replace(request_id, "REQUEST-ID"));
        out.push('\n');
    }
    out
}

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    for (n, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        if a != e {
            let at = a
                .bytes()
                .zip(e.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(e.len()));
            let from = at.saturating_sub(120);
            panic!(
                "{name} line {}: first difference at byte {at}\n  actual:   …{}\n  expected: …{}",
                n + 1,
                &a[from..(at + 120).min(a.len())],
                &e[from..(at + 120).min(e.len())],
            );
        }
    }
    assert_eq!(actual, expected, "{name}: line count differs");
}

#[tokio::test]
async fn demo_seed_listings_are_byte_identical() {
    check("demo.txt", &render(Seed::Demo, &listing_cases(false)).await);
}

#[tokio::test]
async fn scale_seed_listings_are_byte_identical() {
    check(
        "scale8.txt",
        &render(Seed::Scale(8), &listing_cases(true)).await,
    );
}

#[tokio::test]
async fn empty_seed_listings_are_byte_identical() {
    check(
        "empty.txt",
        &render(Seed::Empty, &listing_cases(true)).await,
    );
}
