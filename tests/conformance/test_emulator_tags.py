"""Tag actions through the official SDKs, in V3 and V1 signing: VPC TagResources /
UnTagResources / ListTagResources on EIPs, ECS TagResources / UntagResources /
ListTagResources on ENIs, and the documented refusals."""

from alibabacloud_ecs20140526 import models as em
from alibabacloud_vpc20160428 import models as vm

import emulator_demo as demo
from sdk_helpers import eip, eni, expect_error


def vpc_tags(vpc, *ids):
    body = vpc.list_tag_resources(
        vm.ListTagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=list(ids))
    ).body
    return sorted((t.resource_id, t.tag_key, t.tag_value) for t in body.tag_resources.tag_resource)


def test_vpc_tag_list_untag_eips(vpc):
    ids = [demo.HZ_EIP_FREE_A, demo.HZ_EIP_FREE_B, demo.HZ_EIP_FREE_C]
    tags = [vm.TagResourcesRequestTag(key="team", value="edge"), vm.TagResourcesRequestTag(key="cost", value="")]
    r = vpc.tag_resources(vm.TagResourcesRequest(region_id=demo.HZ, resource_type="eip", resource_id=ids, tag=tags)).body
    assert r.request_id
    listed = vpc_tags(vpc, *ids)
    assert [(i, k, v) for (i, k, v) in listed if k == "team"] == sorted((i, "team", "edge") for i in ids)
    assert len([x for x in listed if x[1] == "cost"]) == 3
    # The listing renders them with Key/Value.
    assert {"team": "edge"}.items() <= {t.key: t.value for t in eip(vpc, demo.HZ_EIP_FREE_B).tags.tag}.items()
    # Filter by tag alone: exactly the three.
    by_tag = vpc.list_tag_resources(
        vm.ListTagResourcesRequest(region_id=demo.HZ, resource_type="EIP", tag=[vm.ListTagResourcesRequestTag(key="team", value="edge")])
    ).body
    assert sorted({t.resource_id for t in by_tag.tag_resources.tag_resource}) == sorted(ids)
    assert all(t.resource_type == "EIP" for t in by_tag.tag_resources.tag_resource)
    vpc.un_tag_resources(vm.UnTagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=ids[:1], tag_key=["team"]))
    assert [k for (_, k, _) in vpc_tags(vpc, ids[0])] == ["cost"]
    vpc.un_tag_resources(vm.UnTagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=ids, all=True))
    assert vpc_tags(vpc, *ids) == []


def test_vpc_list_pages_with_next_token(vpc):
    tags = [vm.TagResourcesRequestTag(key=f"k{n}", value=str(n)) for n in range(5)]
    vpc.tag_resources(vm.TagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=[demo.HZ_EIP_FREE_A], tag=tags))
    seen, token = [], None
    while True:
        body = vpc.list_tag_resources(
            vm.ListTagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=[demo.HZ_EIP_FREE_A], max_results=2, next_token=token)
        ).body
        seen += [t.tag_key for t in body.tag_resources.tag_resource]
        token = body.next_token
        if not token:
            break
    assert seen == [f"k{n}" for n in range(5)]


def test_vpc_tag_refusals(vpc):
    one = [vm.TagResourcesRequestTag(key="team", value="x")]
    expect_error("InvalidResourceId.NotFound", vpc.tag_resources,
                 vm.TagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=[demo.HZ_EIP_FREE_A, "eip-nope"], tag=one), status=404)
    # Nothing was tagged by the refused call.
    assert vpc_tags(vpc, demo.HZ_EIP_FREE_A) == []
    expect_error("InvalidTagKey.Malformed", vpc.tag_resources,
                 vm.TagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=[demo.HZ_EIP_FREE_A], tag=[vm.TagResourcesRequestTag(key="acs:x", value="")]))
    expect_error("InvalidResourceType.NotFound", vpc.tag_resources,
                 vm.TagResourcesRequest(region_id=demo.HZ, resource_type="ENI", resource_id=[demo.HZ_EIP_FREE_A], tag=one), status=404)
    many = [vm.TagResourcesRequestTag(key=f"k{n}", value="") for n in range(20)]
    vpc.tag_resources(vm.TagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=[demo.HZ_EIP_FREE_A], tag=many))
    expect_error("OperationDenied.QuotaExceed", vpc.tag_resources,
                 vm.TagResourcesRequest(region_id=demo.HZ, resource_type="EIP", resource_id=[demo.HZ_EIP_FREE_A], tag=one))


def test_ecs_tag_list_untag_enis(ecs):
    ids = [demo.HZ_ENI_CT_READY_A, demo.HZ_ENI_CT_READY_B]
    ecs.tag_resources(em.TagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=ids, tag=[em.TagResourcesRequestTag(key="owner", value="netops")]))
    body = ecs.list_tag_resources(em.ListTagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=ids)).body
    got = sorted((t.resource_id, t.resource_type, t.tag_key, t.tag_value) for t in body.tag_resources.tag_resource if t.tag_key == "owner")
    assert got == sorted((i, "eni", "owner", "netops") for i in ids)
    # DescribeNetworkInterfaces renders them with TagKey/TagValue.
    assert ("owner", "netops") in [(t.tag_key, t.tag_value) for t in eni(ecs, ids[0]).tags.tag]
    ecs.untag_resources(em.UntagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=ids, tag_key=["owner"]))
    body = ecs.list_tag_resources(em.ListTagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=ids)).body
    assert all(t.tag_key != "owner" for t in body.tag_resources.tag_resource)


def test_ecs_tag_refusals(ecs):
    one = [em.TagResourcesRequestTag(key="owner", value="x")]
    expect_error("InvalidResourceId.NotFound", ecs.tag_resources,
                 em.TagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=["eni-nope"], tag=one), status=404)
    expect_error("Duplicate.TagKey", ecs.tag_resources,
                 em.TagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=[demo.HZ_ENI_CT_READY_A], tag=one + one))
    expect_error("MissingParameter.Tags", ecs.untag_resources,
                 em.UntagResourcesRequest(region_id=demo.HZ, resource_type="eni", resource_id=[demo.HZ_ENI_CT_READY_A]), status=404)
    expect_error("InvalidResourceId.NotSupported", ecs.tag_resources,
                 em.TagResourcesRequest(region_id=demo.HZ, resource_type="disk", resource_id=["d-1"], tag=one), status=403)


def test_eni_rename_and_security_groups(ecs):
    ecs.modify_network_interface_attribute(
        em.ModifyNetworkInterfaceAttributeRequest(region_id=demo.HZ, network_interface_id=demo.HZ_ENI_CT_READY_A, network_interface_name="py-renamed", description="set by python")
    )
    n = eni(ecs, demo.HZ_ENI_CT_READY_A)
    assert (n.network_interface_name, n.description) == ("py-renamed", "set by python")
    groups = ecs.describe_security_groups(em.DescribeSecurityGroupsRequest(region_id=demo.HZ, vpc_id=demo.HZ_VPC_PROD)).body
    assert demo.HZ_SG_PROD in [g.security_group_id for g in groups.security_groups.security_group]
    assert all(g.vpc_id == demo.HZ_VPC_PROD for g in groups.security_groups.security_group)


def test_prepaid_release_refused(vpc):
    expect_error("Forbidden.ChargeTypeIsPrepaid", vpc.release_eip_address,
                 vm.ReleaseEipAddressRequest(region_id=demo.HZ, allocation_id=demo.HZ_EIP_PREPAID), status=400)
