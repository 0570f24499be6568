"""VPC 2016-04-28 actions through the official SDK, in V3 and V1 signing."""

from alibabacloud_vpc20160428 import models as m

import emulator_demo as demo
from sdk_helpers import associate, eip, wait_eip_status


def test_describe_eip_addresses_pages(vpc):
    all_ = vpc.describe_eip_addresses(m.DescribeEipAddressesRequest(region_id=demo.HZ, page_size=100)).body
    assert all_.request_id
    assert all_.total_count >= 3
    ids = [e.allocation_id for e in all_.eip_addresses.eip_address]
    assert demo.HZ_EIP_FREE_A in ids
    page2 = vpc.describe_eip_addresses(m.DescribeEipAddressesRequest(region_id=demo.HZ, page_size=3, page_number=2)).body
    assert (page2.page_number, page2.page_size) == (2, 3)
    assert [e.allocation_id for e in page2.eip_addresses.eip_address] == ids[3:6]
    capped = vpc.describe_eip_addresses(m.DescribeEipAddressesRequest(region_id=demo.HZ, page_size=500)).body
    assert capped.page_size == 100
    free_a = eip(vpc, demo.HZ_EIP_FREE_A)
    assert (free_a.ip_address, free_a.status, free_a.bandwidth) == (demo.HZ_EIP_FREE_A_IP, "Available", "5")
    assert free_a.charge_type == "PostPaid" and free_a.region_id == demo.HZ


def test_binded_eip_fields(vpc):
    e = eip(vpc, demo.HZ_EIP_CT_STAGED)
    assert (e.status, e.mode, e.instance_type, e.instance_id) == ("InUse", "BINDED", "NetworkInterface", demo.HZ_ENI_CT_STAGED)
    assert e.private_ip_address.startswith("172.16.1.")


def test_allocate_modify_release(vpc):
    r = vpc.allocate_eip_address(
        m.AllocateEipAddressRequest(region_id=demo.HZ, bandwidth="7", internet_charge_type="PayByTraffic", client_token="py-alloc-1")
    ).body
    assert r.allocation_id.startswith("eip-") and r.eip_address and r.request_id
    again = vpc.allocate_eip_address(
        m.AllocateEipAddressRequest(region_id=demo.HZ, bandwidth="7", internet_charge_type="PayByTraffic", client_token="py-alloc-1")
    ).body
    assert again.allocation_id == r.allocation_id
    vpc.modify_eip_address_attribute(
        m.ModifyEipAddressAttributeRequest(region_id=demo.HZ, allocation_id=r.allocation_id, bandwidth="12", name="py-eip", description="from python")
    )
    e = eip(vpc, r.allocation_id)
    assert (e.bandwidth, e.name, e.description) == ("12", "py-eip", "from python")
    vpc.release_eip_address(m.ReleaseEipAddressRequest(region_id=demo.HZ, allocation_id=r.allocation_id))
    assert eip(vpc, r.allocation_id).status == "Releasing"
    from conftest import wait_for
    wait_for(lambda: eip(vpc, r.allocation_id), lambda x: x is None)


def test_associate_binded_then_unassociate(vpc, ecs):
    associate(vpc, demo.HZ_EIP_FREE_A, demo.HZ_ENI_CT_READY_A, instance_type="NetworkInterface", mode="BINDED", private_ip_address="172.16.1.5")
    assert eip(vpc, demo.HZ_EIP_FREE_A).status == "Associating"
    e = wait_eip_status(vpc, demo.HZ_EIP_FREE_A, "InUse")
    assert (e.mode, e.instance_type, e.private_ip_address) == ("BINDED", "NetworkInterface", "172.16.1.5")
    from sdk_helpers import eni
    n = eni(ecs, demo.HZ_ENI_CT_READY_A)
    assert n.associated_public_ip.public_ip_address == demo.HZ_EIP_FREE_A_IP
    vpc.unassociate_eip_address(
        m.UnassociateEipAddressRequest(region_id=demo.HZ, allocation_id=demo.HZ_EIP_FREE_A, instance_id=demo.HZ_ENI_CT_READY_A, instance_type="NetworkInterface")
    )
    assert eip(vpc, demo.HZ_EIP_FREE_A).status == "Unassociating"
    e = wait_eip_status(vpc, demo.HZ_EIP_FREE_A, "Available")
    assert not e.instance_id


def test_modify_eip_forward_mode(vpc):
    vpc.modify_eip_forward_mode(m.ModifyEipForwardModeRequest(region_id=demo.HZ, instance_id=demo.HZ_EIP_CT_STAGED, mode="NAT", client_token="py-fm-1"))
    assert eip(vpc, demo.HZ_EIP_CT_STAGED).mode == "NAT"


def test_describe_regions_vpcs_vswitches(vpc):
    regions = vpc.describe_regions(m.DescribeRegionsRequest(accept_language="en-US")).body.regions.region
    assert len(regions) == 15
    hz = [r for r in regions if r.region_id == demo.HZ][0]
    assert (hz.local_name, hz.region_endpoint) == ("China (Hangzhou)", "vpc.aliyuncs.com")
    chinese = vpc.describe_regions(m.DescribeRegionsRequest(accept_language="zh-CN")).body.regions.region
    assert [r.local_name for r in chinese if r.region_id == demo.HZ] == ["华东1（杭州）"]
    vpcs = vpc.describe_vpcs(m.DescribeVpcsRequest(region_id=demo.HZ)).body
    assert vpcs.total_count == 2
    prod = [v for v in vpcs.vpcs.vpc if v.vpc_id == demo.HZ_VPC_PROD][0]
    assert prod.cidr_block == "172.16.0.0/12" and prod.status == "Available"
    assert demo.HZ_VSW_PROD_H in prod.v_switch_ids.v_switch_id
    vsws = vpc.describe_vswitches(m.DescribeVSwitchesRequest(region_id=demo.HZ, vpc_id=demo.HZ_VPC_PROD)).body
    assert vsws.total_count == 2
    h = [s for s in vsws.v_switches.v_switch if s.v_switch_id == demo.HZ_VSW_PROD_H][0]
    assert (h.zone_id, h.cidr_block) == ("cn-hangzhou-h", "172.16.1.0/24")
    assert 0 < h.available_ip_address_count < 252
