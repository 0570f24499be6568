"""Small helpers shared by the emulator conformance tests."""

import pytest
from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_vpc20160428 import models as vpc_models

import emulator_demo as demo
from conftest import wait_for


def expect_error(code, call, *args, status=None, **kwargs):
    """Runs `call(*args, **kwargs)`; asserts the SDK raised an API exception carrying `code`
    (and, when given, the HTTP `status`)."""
    with pytest.raises(AlibabaCloudException) as info:
        call(*args, **kwargs)
    err = info.value
    assert err.code == code, f"expected {code}, got {err.code}: {err}"
    if status is not None:
        assert err.status_code == status, f"{code}: HTTP {err.status_code}"
    assert err.request_id and err.request_id != "None"
    return err


def eip(vpc, allocation_id, region=demo.HZ):
    body = vpc.describe_eip_addresses(
        vpc_models.DescribeEipAddressesRequest(region_id=region, allocation_id=allocation_id)
    ).body
    items = body.eip_addresses.eip_address
    return items[0] if items else None


def eni(ecs, eni_id, region=demo.HZ):
    body = ecs.describe_network_interfaces(
        ecs_models.DescribeNetworkInterfacesRequest(region_id=region, network_interface_id=[eni_id])
    ).body
    items = body.network_interface_sets.network_interface_set
    return items[0] if items else None


def wait_eip_status(vpc, allocation_id, status):
    return wait_for(lambda: eip(vpc, allocation_id), lambda e: e is not None and e.status == status)


def wait_eni_status(ecs, eni_id, status):
    return wait_for(lambda: eni(ecs, eni_id), lambda e: e is not None and e.status == status)


def associate(vpc, allocation_id, instance_id, **kwargs):
    return vpc.associate_eip_address(
        vpc_models.AssociateEipAddressRequest(
            region_id=kwargs.pop("region_id", demo.HZ),
            allocation_id=allocation_id,
            instance_id=instance_id,
            **kwargs,
        )
    )


def attach(ecs, eni_id, instance_id):
    return ecs.attach_network_interface(
        ecs_models.AttachNetworkInterfaceRequest(region_id=demo.HZ, network_interface_id=eni_id, instance_id=instance_id)
    )


def detach(ecs, eni_id, instance_id):
    return ecs.detach_network_interface(
        ecs_models.DetachNetworkInterfaceRequest(region_id=demo.HZ, network_interface_id=eni_id, instance_id=instance_id)
    )
