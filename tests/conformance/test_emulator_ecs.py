"""ECS 2014-05-26 actions through the official SDK, in V3 and V1 signing."""

import json

from alibabacloud_ecs20140526 import models as m

import emulator_demo as demo
from conftest import wait_for
from sdk_helpers import attach, detach, eni, wait_eni_status


def test_describe_network_interfaces_next_token(ecs):
    seen, token = [], None
    while True:
        body = ecs.describe_network_interfaces(
            m.DescribeNetworkInterfacesRequest(region_id=demo.HZ, max_results=10, next_token=token)
        ).body
        assert body.request_id
        seen += [n.network_interface_id for n in body.network_interface_sets.network_interface_set]
        token = body.next_token
        if not token:
            break
    assert len(seen) == len(set(seen)) == 16
    n = eni(ecs, demo.HZ_ENI_MULTI_IP)
    assert (n.type, n.status, n.vpc_id, n.zone_id) == ("Secondary", "Available", demo.HZ_VPC_PROD, "cn-hangzhou-h")
    assert len(n.private_ip_sets.private_ip_set) == 3
    assert n.mac_address.startswith("00:16:3e:")
    assert n.security_group_ids.security_group_id == [demo.HZ_SG_PROD]
    live = eni(ecs, demo.HZ_ENI_CT_LIVE)
    assert live.associated_public_ip.allocation_id == demo.HZ_EIP_CT_LIVE
    assert live.instance_id == demo.HZ_I_WEB02 and live.status == "InUse"


def test_create_attach_detach_delete(ecs):
    created = ecs.create_network_interface(
        m.CreateNetworkInterfaceRequest(
            region_id=demo.HZ, v_switch_id=demo.HZ_VSW_PROD_H, security_group_id=demo.HZ_SG_PROD,
            network_interface_name="py-eni", client_token="py-create-1",
        )
    ).body
    assert created.network_interface_id.startswith("eni-") and created.status == "Available"
    assert created.private_ip_address.startswith("172.16.1.")
    eni_id = created.network_interface_id
    attach(ecs, eni_id, demo.HZ_I_WEB01)
    assert eni(ecs, eni_id).status == "Attaching"
    n = wait_eni_status(ecs, eni_id, "InUse")
    assert n.instance_id == demo.HZ_I_WEB01
    detach(ecs, eni_id, demo.HZ_I_WEB01)
    assert eni(ecs, eni_id).status == "Detaching"
    wait_eni_status(ecs, eni_id, "Available")
    ecs.delete_network_interface(m.DeleteNetworkInterfaceRequest(region_id=demo.HZ, network_interface_id=eni_id))
    wait_for(lambda: eni(ecs, eni_id), lambda x: x is None)


def test_describe_instances(ecs):
    body = ecs.describe_instances(m.DescribeInstancesRequest(region_id=demo.HZ, max_results=4)).body
    assert len(body.instances.instance) == 4 and body.next_token
    rest = ecs.describe_instances(m.DescribeInstancesRequest(region_id=demo.HZ, max_results=4, next_token=body.next_token)).body
    assert len(rest.instances.instance) == 2 and not rest.next_token
    one = ecs.describe_instances(
        m.DescribeInstancesRequest(region_id=demo.HZ, instance_ids=json.dumps([demo.HZ_I_WEB02]))
    ).body.instances.instance
    assert len(one) == 1
    web02 = one[0]
    assert (web02.instance_id, web02.status, web02.instance_type) == (demo.HZ_I_WEB02, "Running", "ecs.g7.xlarge")
    assert web02.vpc_attributes.vpc_id == demo.HZ_VPC_PROD
    assert web02.eip_address.allocation_id == demo.HZ_EIP_WEB02_NAT
    nics = web02.network_interfaces.network_interface
    assert {n.type for n in nics} == {"Primary", "Secondary"}
    assert web02.cpu == 4 and web02.memory == 16384


def test_describe_instance_types_and_regions(ecs):
    types = ecs.describe_instance_types(m.DescribeInstanceTypesRequest(instance_types=["ecs.g7.large", "ecs.t6-c1m2.large"])).body
    quantities = {t.instance_type_id: t.eni_quantity for t in types.instance_types.instance_type}
    assert quantities == {"ecs.g7.large": 3, "ecs.t6-c1m2.large": 2}
    regions = ecs.describe_regions(m.DescribeRegionsRequest()).body.regions.region
    assert len(regions) == 15
    assert {r.status for r in regions} == {"available"}
    assert [r.region_endpoint for r in regions if r.region_id == demo.HZ] == ["ecs-cn-hangzhou.aliyuncs.com"]


def test_describe_regions_names_in_the_accept_language(ecs):
    def hangzhou(language):
        request = m.DescribeRegionsRequest() if language is None else m.DescribeRegionsRequest(accept_language=language)
        regions = ecs.describe_regions(request).body.regions.region
        return [r.local_name for r in regions if r.region_id == demo.HZ][0]

    assert hangzhou(None) == "华东1（杭州）"
    assert hangzhou("zh-CN") == "华东1（杭州）"
    assert hangzhou("en-US") == "China (Hangzhou)"
    assert hangzhou("ja") == "中国 (杭州)"
