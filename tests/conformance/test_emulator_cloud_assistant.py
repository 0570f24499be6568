"""Cloud Assistant through the official ECS SDK (V3 and V1 signing): RunCommand, then
DescribeInvocationResults until the invocation has finished; the errors; the agent status; the
modelled guest answering EIP Desk's verification script."""

import base64
import json

from alibabacloud_ecs20140526 import models as m

import emulator_demo as demo
from conftest import wait_for
from sdk_helpers import eni, expect_error

HZ_I_DB01 = "i-bp1nf3i9w1gsjx88q9h7"
HZ_EIP_CT_LIVE_IP = "47.98.80.234"


def run(ecs, instance, script, **kwargs):
    return ecs.run_command(
        m.RunCommandRequest(
            region_id=demo.HZ, type="RunShellScript", instance_id=[instance],
            command_content=base64.b64encode(script.encode()).decode(), content_encoding="Base64",
            **kwargs,
        )
    ).body


def result(ecs, invoke_id):
    body = ecs.describe_invocation_results(
        m.DescribeInvocationResultsRequest(region_id=demo.HZ, invoke_id=invoke_id)
    ).body
    items = body.invocation.invocation_results.invocation_result
    return items[0] if items else None


def finished(ecs, invoke_id):
    return wait_for(
        lambda: result(ecs, invoke_id),
        lambda r: r is not None and r.invoke_record_status in ("Finished", "Failed"),
    )


def test_run_command_then_results_until_finished(ecs):
    sent = run(ecs, demo.HZ_I_WEB01, "echo from-the-sdk\n", timeout=30, name="conformance")
    assert sent.request_id and sent.invoke_id.startswith("t-") and sent.command_id.startswith("c-")
    first = result(ecs, sent.invoke_id)
    assert first.invocation_status in ("Pending", "Running")
    done = finished(ecs, sent.invoke_id)
    assert (done.invocation_status, done.invoke_record_status, done.exit_code) == ("Success", "Finished", 0)
    assert base64.b64decode(done.output).decode() == "from-the-sdk\n"
    assert done.instance_id == demo.HZ_I_WEB01 and done.command_id == sent.command_id
    assert done.start_time and done.finished_time
    listed = ecs.describe_invocations(
        m.DescribeInvocationsRequest(region_id=demo.HZ, invoke_id=sent.invoke_id, include_output=True)
    ).body.invocations.invocation[0]
    assert (listed.invoke_status, listed.command_name, listed.timeout) == ("Finished", "conformance", 30)
    instance = listed.invoke_instances.invoke_instance[0]
    assert base64.b64decode(instance.output).decode() == "from-the-sdk\n"


def test_errors_and_aborted_results(ecs):
    expect_error("InvalidInstance.NotFound", run, ecs, "i-bp1doesnotexist0000", "echo x", status=404)
    expect_error(
        "InvalidCmdType.NotFound", ecs.run_command,
        m.RunCommandRequest(region_id=demo.HZ, type="RunPerlScript", instance_id=[demo.HZ_I_WEB01],
                            command_content="echo x"),
        status=400,
    )
    stopped = finished(ecs, run(ecs, HZ_I_DB01, "echo x").invoke_id)
    assert (stopped.invocation_status, stopped.error_code) == ("Aborted", "InstanceNotRunning")
    status = ecs.describe_cloud_assistant_status(
        m.DescribeCloudAssistantStatusRequest(region_id=demo.HZ, instance_id=[demo.HZ_I_WEB02, HZ_I_DB01])
    ).body.instance_cloud_assistant_status_set.instance_cloud_assistant_status
    by_id = {s.instance_id: s for s in status}
    assert by_id[demo.HZ_I_WEB02].cloud_assistant_status == "true"
    assert by_id[HZ_I_DB01].cloud_assistant_status == "false"
    assert by_id[demo.HZ_I_WEB02].ostype == "Linux"


def test_offline_agent_aborts(emulator, ecs):
    emulator.control("PUT", f"guests/{demo.DEMO_ACCOUNT}/{demo.HZ}/{demo.HZ_I_WEB01}", {"agent_offline": True})
    done = finished(ecs, run(ecs, demo.HZ_I_WEB01, "echo x").invoke_id)
    assert (done.invocation_status, done.error_code) == ("Aborted", "ClientNotRunning")


def test_app_scripts_on_the_modelled_guest(ecs):
    mac = eni(ecs, demo.HZ_ENI_CT_LIVE).mac_address
    configured = finished(ecs, run(ecs, demo.HZ_I_WEB02, f"# eipdesk-guest-script: op=configure mac={mac}\n").invoke_id)
    assert configured.invocation_status == "Success"
    verify = "# eipdesk-guest-script: op=verify\nprintf '{\"addr\":%s,\"route\":%s}' \"$(ip -j addr)\" \"$(ip -j route)\"\n"
    done = finished(ecs, run(ecs, demo.HZ_I_WEB02, verify).invoke_id)
    seen = json.loads(base64.b64decode(done.output))
    nic = next(link for link in seen["addr"] if link["address"] == mac)
    assert [a["local"] for a in nic["addr_info"]] == [HZ_EIP_CT_LIVE_IP]


def test_describe_invocations_pages_with_next_token_and_region_prefixed_ids(ecs):
    sent = [run(ecs, demo.HZ_I_WEB02, f"echo page-{n}\n").invoke_id for n in range(3)]
    assert all(i.startswith("t-hz") and len(i) == 16 for i in sent), sent
    seen, token, pages = [], None, 0
    while True:
        body = ecs.describe_invocations(
            m.DescribeInvocationsRequest(
                region_id=demo.HZ, instance_id=demo.HZ_I_WEB02, max_results=2, next_token=token,
            )
        ).body
        pages += 1
        seen += [i.invoke_id for i in body.invocations.invocation]
        token = body.next_token
        if not token:
            break
    assert seen[:3] == list(reversed(sent)), "newest first"
    assert len(seen) == len(set(seen)) and pages >= 2
