"""STS 2015-04-01 through the official SDK, and calls signed with the issued credentials."""

from alibabacloud_sts20150401 import models as m
from alibabacloud_vpc20160428 import models as vm
from alibabacloud_vpc20160428.client import Client as VpcClient

import emulator_demo as demo
from conftest import make_config
from sdk_helpers import expect_error


def test_get_caller_identity_of_user(sts):
    who = sts.get_caller_identity().body
    assert who.account_id == demo.DEMO_ACCOUNT
    assert who.identity_type == "RAMUser"
    assert who.arn.startswith(f"acs:ram::{demo.DEMO_ACCOUNT}:user/")
    assert who.principal_id and who.user_id and who.request_id


def test_assume_role_and_use_the_session(emulator, sig, sts):
    r = sts.assume_role(m.AssumeRoleRequest(role_arn=demo.ROLE_ARN, role_session_name="conformance", duration_seconds=900)).body
    creds = r.credentials
    assert creds.access_key_id.startswith("STS.")
    assert creds.expiration.endswith("Z")
    assert r.assumed_role_user.assumed_role_id.endswith(":conformance")
    session = make_config(emulator, sig, creds.access_key_id, creds.access_key_secret, creds.security_token)
    from alibabacloud_sts20150401.client import Client as StsClient
    who = StsClient(session).get_caller_identity().body
    assert who.identity_type == "AssumedRoleUser"
    assert who.arn.endswith(":assumed-role/EipDeskAdmin/conformance")
    eips = VpcClient(session).describe_eip_addresses(vm.DescribeEipAddressesRequest(region_id=demo.HZ)).body
    assert eips.total_count >= 3


def test_expired_and_malformed_tokens(emulator, sig, sts):
    emulator.control("PUT", "sts", {"token_lifetime_seconds": 2})
    creds = sts.assume_role(m.AssumeRoleRequest(role_arn=demo.ROLE_ARN, role_session_name="short-lived")).body.credentials
    session = VpcClient(make_config(emulator, sig, creds.access_key_id, creds.access_key_secret, creds.security_token))
    session.describe_regions(vm.DescribeRegionsRequest())
    emulator.control("POST", "clock/advance", {"ms": 3000})
    expect_error("InvalidSecurityToken.Expired", session.describe_regions, vm.DescribeRegionsRequest(), status=400)
    bad = VpcClient(make_config(emulator, sig, creds.access_key_id, creds.access_key_secret, "not a token"))
    expect_error("InvalidSecurityToken.Malformed", bad.describe_regions, vm.DescribeRegionsRequest(), status=400)


def test_second_account_sees_other_resources(emulator, sig):
    other = VpcClient(make_config(emulator, sig, demo.SECOND_AK, demo.SECOND_SECRET))
    ids = [e.allocation_id for e in other.describe_eip_addresses(vm.DescribeEipAddressesRequest(region_id=demo.HZ)).body.eip_addresses.eip_address]
    assert demo.SECOND_HZ_EIP_FREE in ids and demo.HZ_EIP_FREE_A not in ids
