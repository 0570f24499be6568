//! DescribeEipAddresses against the fake server: both signature versions, single page and
//! `_all` (page 1 at PageSize=100, then the rest), and service errors.

mod common;

use alicloud_api::vpc::DescribeEipAddressesRequest;
use alicloud_api::{ErrorKind, SignatureVersion};
use common::{FakeServer, Reply, eip_page, eips};

#[tokio::test]
async fn single_page_with_both_signature_versions() {
    let all = eips(3);
    let server = FakeServer::start(move |r| eip_page(&all, r)).await;
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let client = common::client(&server, version);
        let page = client
            .describe_eip_addresses(
                &DescribeEipAddressesRequest::new("cn-hangzhou").page_size(2u32),
            )
            .await
            .unwrap();
        assert_eq!(page.total_count, 3);
        assert_eq!(page.eip_addresses.eip_address.len(), 2);
        assert_eq!(page.eip_addresses.eip_address[0].allocation_id, "eip-0000");
        assert_eq!(page.request_id, "req-ok");
    }
    let seen = server.requests_for("DescribeEipAddresses");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].signature_version, "V3");
    assert_eq!(seen[0].header("x-acs-version"), Some("2016-04-28"));
    assert_eq!(seen[0].header("accept"), Some("application/json"));
    assert_eq!(seen[1].signature_version, "V1");
    assert_eq!(seen[1].param("Format"), Some("JSON"));
    assert_eq!(seen[1].param("Version"), Some("2016-04-28"));
    for r in &seen {
        assert_eq!(r.param("RegionId"), Some("cn-hangzhou"));
        assert_eq!(r.param("PageSize"), Some("2"));
    }
}

#[tokio::test]
async fn all_pages_fetches_first_page_then_the_rest() {
    let all = eips(250);
    let server = FakeServer::start(move |r| eip_page(&all, r)).await;
    let client = common::client(&server, SignatureVersion::V3);
    let got = client
        .describe_eip_addresses_all(
            &DescribeEipAddressesRequest::new("cn-hangzhou").status("Available"),
        )
        .await
        .unwrap();
    assert_eq!(got.len(), 250);
    let ids: Vec<&str> = got.iter().map(|e| e.allocation_id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "page order is kept");
    let seen = server.requests_for("DescribeEipAddresses");
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0].param("PageNumber"), Some("1"));
    let mut later: Vec<&str> = seen[1..]
        .iter()
        .map(|r| r.param("PageNumber").unwrap())
        .collect();
    later.sort();
    assert_eq!(later, vec!["2", "3"]);
    for r in &seen {
        assert_eq!(r.param("PageSize"), Some("100"));
        assert_eq!(r.param("Status"), Some("Available"));
    }
}

#[tokio::test]
async fn empty_listing_makes_one_call() {
    let server = FakeServer::start(|r| eip_page(&[], r)).await;
    let client = common::client(&server, SignatureVersion::V1);
    let got = client
        .describe_eip_addresses_all(&DescribeEipAddressesRequest::new("cn-beijing"))
        .await
        .unwrap();
    assert!(got.is_empty());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn service_error_is_typed() {
    let server = FakeServer::start(|_| {
        Reply::error(
            404,
            "InvalidAllocationId.NotFound",
            "Specified allocation ID is not found",
        )
    })
    .await;
    let client = common::client(&server, SignatureVersion::V3);
    let err = client
        .describe_eip_addresses(
            &DescribeEipAddressesRequest::new("cn-hangzhou").allocation_id("eip-x"),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let api = err.api_error().unwrap();
    assert_eq!(api.code, "InvalidAllocationId.NotFound");
    assert_eq!(api.message, "Specified allocation ID is not found");
    assert_eq!(api.request_id, "req-InvalidAllocationId.NotFound");
    assert_eq!(api.host_id.as_deref(), Some("fake.aliyuncs.com"));
    assert_eq!(api.http_status, 404);
    assert!(api.recommend.is_some());
    assert_eq!(server.requests().len(), 1, "not-found is not retried");
}
