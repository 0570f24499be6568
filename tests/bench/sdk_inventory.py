"""The inventory the straightforward way, with the official Alibaba Cloud Python SDKs: every
region one after the other, each listing page after page (largest page sizes), then the ENI
quotas of the instance types seen. The baseline of `cargo xtask bench inventory`.

Prints one JSON object: seconds, API calls and what was listed.

    python sdk_inventory.py --endpoint 127.0.0.1:PORT --access-key-id AK --access-key-secret SK
"""

import argparse
import json
import time

from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_ecs20140526.client import Client as EcsClient
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vpc20160428 import models as vpc_models
from alibabacloud_vpc20160428.client import Client as VpcClient


class Counter:
    calls = 0

    def __call__(self, fn, request):
        self.calls += 1
        return fn(request).body


def page_numbers(call, fn, make_request, items_of, page_size):
    """PageNumber/PageSize paging: ask page after page until TotalCount items arrived."""
    items, page = [], 1
    while True:
        body = call(fn, make_request(page, page_size))
        batch = items_of(body)
        items.extend(batch)
        if not batch or len(items) >= (body.total_count or 0):
            return items
        page += 1


def next_tokens(call, fn, make_request, items_of):
    """NextToken paging: follow the token until it is empty."""
    items, token = [], None
    while True:
        body = call(fn, make_request(token))
        items.extend(items_of(body))
        token = body.next_token
        if not token:
            return items


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True, help="host:port of the emulator")
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--access-key-secret", required=True)
    args = parser.parse_args()

    def config():
        return Config(
            access_key_id=args.access_key_id,
            access_key_secret=args.access_key_secret,
            endpoint=args.endpoint,
            protocol="http",
            region_id="cn-hangzhou",
        )

    vpc, ecs = VpcClient(config()), EcsClient(config())
    call = Counter()
    started = time.perf_counter()

    regions = call(ecs.describe_regions, ecs_models.DescribeRegionsRequest(accept_language="en-US"))
    region_ids = [r.region_id for r in regions.regions.region]
    eips, enis, instances, vpcs, vswitches = [], [], [], [], []
    for region in region_ids:
        eips += page_numbers(
            call,
            vpc.describe_eip_addresses,
            lambda n, size: vpc_models.DescribeEipAddressesRequest(region_id=region, page_number=n, page_size=size),
            lambda b: b.eip_addresses.eip_address,
            100,
        )
        enis += next_tokens(
            call,
            ecs.describe_network_interfaces,
            lambda t: ecs_models.DescribeNetworkInterfacesRequest(region_id=region, max_results=500, next_token=t),
            lambda b: b.network_interface_sets.network_interface_set,
        )
        instances += next_tokens(
            call,
            ecs.describe_instances,
            lambda t: ecs_models.DescribeInstancesRequest(region_id=region, max_results=100, next_token=t),
            lambda b: b.instances.instance,
        )
        vpcs += page_numbers(
            call,
            vpc.describe_vpcs,
            lambda n, size: vpc_models.DescribeVpcsRequest(region_id=region, page_number=n, page_size=size),
            lambda b: b.vpcs.vpc,
            50,
        )
        vswitches += page_numbers(
            call,
            vpc.describe_vswitches,
            lambda n, size: vpc_models.DescribeVSwitchesRequest(region_id=region, page_number=n, page_size=size),
            lambda b: b.v_switches.v_switch,
            50,
        )
    types = sorted({i.instance_type for i in instances if i.instance_type})
    quotas = {}
    for start in range(0, len(types), 10):
        found = next_tokens(
            call,
            ecs.describe_instance_types,
            lambda t: ecs_models.DescribeInstanceTypesRequest(instance_types=types[start : start + 10], max_results=100, next_token=t),
            lambda b: b.instance_types.instance_type,
        )
        quotas.update({t.instance_type_id: t.eni_quantity for t in found})

    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "calls": call.calls,
                "regions": len(region_ids),
                "eips": len(eips),
                "enis": len(enis),
                "instances": len(instances),
                "vpcs": len(vpcs),
                "vswitches": len(vswitches),
                "instance_types": len(quotas),
            }
        )
    )


if __name__ == "__main__":
    main()
