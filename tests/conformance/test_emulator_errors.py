"""Errors reach the official SDK as exceptions with the real code (and HTTP status), in V3 and
V1 signing: gateway checks, cut-through rules, EIP and ENI state rules, idempotency."""

import uuid

import pytest
from alibabacloud_ecs20140526 import models as em
from alibabacloud_tea_openapi import utils_models
from alibabacloud_tea_openapi.utils import Utils
from alibabacloud_tea_openapi.models import OpenApiRequest
from alibabacloud_vpc20160428 import models as vm
from alibabacloud_vpc20160428.client import Client as VpcClient
from darabonba.runtime import RuntimeOptions

import emulator_demo as demo
from conftest import make_config
from sdk_helpers import associate, attach, detach, eip, expect_error

NI = dict(instance_type="NetworkInterface")
BINDED = dict(instance_type="NetworkInterface", mode="BINDED")


def test_wrong_secret(emulator, sig):
    bad = VpcClient(make_config(emulator, sig, secret="definitely-wrong"))
    err = expect_error("SignatureDoesNotMatch", bad.describe_eip_addresses, vm.DescribeEipAddressesRequest(region_id=demo.HZ), status=400)
    assert "server string to sign is:" in err.message


def test_unknown_access_key(emulator, sig):
    bad = VpcClient(make_config(emulator, sig, ak="LTAI5tNobody0000000000"))
    expect_error("InvalidAccessKeyId.NotFound", bad.describe_regions, vm.DescribeRegionsRequest(), status=404)


def test_nonce_reuse(vpc, monkeypatch):
    nonce = f"reused-{uuid.uuid4().hex}"
    monkeypatch.setattr(Utils, "get_nonce", staticmethod(lambda: nonce))
    vpc.describe_regions(vm.DescribeRegionsRequest())
    expect_error("SignatureNonceUsed", vpc.describe_regions, vm.DescribeRegionsRequest(), status=400)


def test_timestamps(vpc, monkeypatch):
    monkeypatch.setattr(Utils, "get_timestamp", staticmethod(lambda: "2019-01-01T00:00:00Z"))
    expect_error("InvalidTimeStamp.Expired", vpc.describe_regions, vm.DescribeRegionsRequest(), status=400)
    monkeypatch.setattr(Utils, "get_timestamp", staticmethod(lambda: "01/01/2019 00:00"))
    expect_error("InvalidTimeStamp.Format", vpc.describe_regions, vm.DescribeRegionsRequest(), status=400)


def test_missing_parameter_and_unknown_action(vpc):
    expect_error("MissingRegionId", vpc.describe_eip_addresses, vm.DescribeEipAddressesRequest(), status=400)
    params = utils_models.Params(
        action="DescribeToasters", version="2016-04-28", protocol="HTTP", pathname="/", method="POST",
        auth_type="AK", style="RPC", req_body_type="formData", body_type="json",
    )
    expect_error("InvalidAction.NotFound", vpc.call_api, params, OpenApiRequest(query={"RegionId": demo.HZ}), RuntimeOptions(), status=404)


def test_throttling(emulator, vpc):
    emulator.control("PUT", "throttles", {"rules": [{"action": "DescribeVpcs", "rate_per_sec": 0.01, "burst": 1}]})
    vpc.describe_vpcs(vm.DescribeVpcsRequest(region_id=demo.HZ))
    err = expect_error("Throttling.User", vpc.describe_vpcs, vm.DescribeVpcsRequest(region_id=demo.HZ), status=400)
    assert err.retry_after and err.retry_after > 0


def test_injected_fault(emulator, vpc):
    emulator.control("PUT", "faults", {"seed": 1, "rules": [{"action": "DescribeVpcs", "error_code": "ServiceUnavailable", "error_rate": 1.0}]})
    expect_error("ServiceUnavailable", vpc.describe_vpcs, vm.DescribeVpcsRequest(region_id=demo.HZ), status=503)


def test_cut_through_rules(vpc):
    expect_error("Eni.Attached", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_WEB01_DATA, **BINDED)
    expect_error("Eni.HasSubIp", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_MULTI_IP, **BINDED)
    expect_error("InvalidAssociation.Duplicated", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_CT_STAGED, **BINDED)
    expect_error("Mode.Conflict", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_NAT, **BINDED)
    expect_error("Invalid.DirectEip.BindType", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_WEB01_PRIMARY, **BINDED)
    expect_error("Invalid.DirectEip.BindType", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_I_WEB01, instance_type="EcsInstance", mode="BINDED")
    expect_error("IllegalParam.Mode", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_CT_READY_A, instance_type="NetworkInterface", mode="CUT")
    expect_error(
        "UnsupportedRegion", associate, vpc, demo.TOKYO_EIP_FREE, demo.TOKYO_ENI_SPARE, region_id=demo.TOKYO, **BINDED
    )


def test_eip_status_rules(vpc):
    associate(vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_CT_READY_A, **BINDED)
    expect_error("TaskConflict", associate, vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_CT_READY_A, **BINDED)
    expect_error("IncorrectEipStatus", vpc.unassociate_eip_address, vm.UnassociateEipAddressRequest(region_id=demo.HZ, allocation_id=demo.HZ_EIP_FREE_B))
    expect_error("IncorrectEipStatus", vpc.release_eip_address, vm.ReleaseEipAddressRequest(region_id=demo.HZ, allocation_id=demo.HZ_EIP_WEB02_NAT))
    expect_error(
        "Eni.Attached", vpc.unassociate_eip_address,
        vm.UnassociateEipAddressRequest(region_id=demo.HZ, allocation_id=demo.HZ_EIP_CT_LIVE, instance_id=demo.HZ_ENI_CT_LIVE, instance_type="NetworkInterface"),
    )
    expect_error("Forbidden.ChargeTypeIsPrepaid", vpc.release_eip_address, vm.ReleaseEipAddressRequest(region_id=demo.HZ, allocation_id=demo.HZ_EIP_PREPAID))
    expect_error(
        "InvalidAllocationId.NotFound", vpc.release_eip_address,
        vm.ReleaseEipAddressRequest(region_id=demo.HZ, allocation_id="eip-bp1doesnotexist00000"), status=404,
    )


def test_idempotency(vpc):
    req = vm.AllocateEipAddressRequest(region_id=demo.HZ, bandwidth="5", client_token="py-idem-1")
    first = vpc.allocate_eip_address(req).body.allocation_id
    assert vpc.allocate_eip_address(req).body.allocation_id == first
    changed = vm.AllocateEipAddressRequest(region_id=demo.HZ, bandwidth="6", client_token="py-idem-1")
    expect_error("IdempotentParameterMismatch", vpc.allocate_eip_address, changed, status=400)


def test_eni_rules(ecs):
    expect_error("InvalidOperation.InvalidEniState", attach, ecs, demo.HZ_ENI_WEB01_DATA, demo.HZ_I_WEB02)
    expect_error("InvalidOperation.InvalidEcsState", attach, ecs, demo.HZ_ENI_CT_READY_A, demo.HZ_I_BATCH01)
    expect_error("InvalidOperation.VpcMismatch", attach, ecs, demo.HZ_ENI_STAGING_SPARE, demo.HZ_I_WEB01, status=403)
    expect_error("InvalidOperation.AvailabilityZoneMismatch", attach, ecs, demo.HZ_ENI_SPARE_ZONE_I, demo.HZ_I_WEB01, status=403)
    expect_error("EniPerInstanceLimitExceeded", attach, ecs, demo.HZ_ENI_CT_READY_A, demo.HZ_I_EDGE01, status=403)
    expect_error("InvalidOperation.DetachPrimaryEniNotAllowed", detach, ecs, demo.HZ_ENI_WEB01_PRIMARY, demo.HZ_I_WEB01)
    expect_error("InvalidEniId.NotFound", attach, ecs, "eni-bp1nope0000000000000", demo.HZ_I_WEB01, status=404)
    expect_error("InvalidEcsId.NotFound", attach, ecs, demo.HZ_ENI_CT_READY_A, "i-bp1nope00000000000000", status=404)
    expect_error(
        "InvalidOperation.InvalidEniState", ecs.delete_network_interface,
        em.DeleteNetworkInterfaceRequest(region_id=demo.HZ, network_interface_id=demo.HZ_ENI_WEB01_DATA),
    )


@pytest.mark.parametrize("region", [demo.HZ, demo.SH])
def test_region_scoping(vpc, region):
    ids = [e.allocation_id for e in vpc.describe_eip_addresses(vm.DescribeEipAddressesRequest(region_id=region)).body.eip_addresses.eip_address]
    assert (demo.HZ_EIP_FREE_A in ids) == (region == demo.HZ)
    assert (demo.SH_EIP_FREE_A in ids) == (region == demo.SH)
    assert eip(vpc, demo.HZ_EIP_FREE_A, region=demo.SH) is None


def test_modify_eip_forward_mode_documented_codes(vpc):
    """Issue 13: ModifyEipForwardMode answers the codes of Alibaba's documented table, and an
    unbound EIP may change mode."""
    def forward(allocation_id, mode):
        return vpc.modify_eip_forward_mode(
            vm.ModifyEipForwardModeRequest(region_id=demo.HZ, instance_id=allocation_id, mode=mode))

    expect_error("ENI.BindEcs", forward, demo.HZ_EIP_CT_LIVE, "NAT", status=400)
    expect_error("BindInstance.NotSupport", forward, demo.HZ_EIP_WEB02_NAT, "BINDED", status=400)
    expect_error("Forbidden.PrePaidBindedEip", forward, demo.HZ_EIP_PREPAID, "BINDED", status=400)
    forward(demo.HZ_EIP_FREE_A, "MULTI_BINDED")
    assert eip(vpc, demo.HZ_EIP_FREE_A).mode == "MULTI_BINDED"


def test_client_token_longer_than_64_is_refused(vpc):
    expect_error("InvalidParameter", vpc.allocate_eip_address,
                 vm.AllocateEipAddressRequest(region_id=demo.HZ, client_token="t" * 65), status=400)
