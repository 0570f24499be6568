"""Signing parity: the Rust client (through the `alicloud-call` binary) must sign exactly like
the official Python routines in `alibabacloud_openapi_util` (`get_rpcsignature` for V1,
`get_authorization` for V3).

Two kinds of checks:
* dry runs: `alicloud-call --dry-run-sign` with a fixed nonce and timestamp; the expected
  signature is computed here from the same inputs, built independently of the binary's output;
* live calls: the binary sends real requests to a small HTTP server in this file, which
  verifies them with the official routines and answers like the gateway.

The binary is found through the `ALICLOUD_CALL_BIN` environment variable.
"""

import json
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest
from alibabacloud_openapi_util.client import Client as OpenApiUtil
from Tea.request import TeaRequest

BIN = os.environ.get("ALICLOUD_CALL_BIN", "")
AK = "fake-ak-id"
SECRET = "fake-secret-for-tests"
TOKEN = "fake/sts+token=="
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
NONCE = "3156853299f313e23d1673dc12e1703d"
TIMESTAMP = "2023-10-26T10:22:32Z"
VERSIONS = {"vpc": "2016-04-28", "ecs": "2014-05-26", "sts": "2015-04-01"}

pytestmark = pytest.mark.skipif(
    not BIN or not os.path.exists(BIN),
    reason="set ALICLOUD_CALL_BIN to the built alicloud-call binary",
)

# Parameter sets chosen to exercise RFC 3986 encoding: spaces, '*', '~', '/', '+', '=',
# '&', non-ASCII, empty values and repeated (flattened) names.
PARAM_SETS = [
    {"RegionId": "cn-hangzhou"},
    {"RegionId": "cn-hangzhou", "PageSize": "100", "PageNumber": "2", "Status": "InUse"},
    {
        "RegionId": "cn-beijing",
        "Name": "my eip *~/+=&?",
        "Description": "中文 description",
        "NetworkInterfaceId.1": "eni-a",
        "NetworkInterfaceId.2": "eni-b",
        "Empty": "",
    },
    {"InstanceIds": '["i-1","i-2"]', "RegionId": "ap-southeast-1"},
]


def run(args, token=None, check=True):
    env = dict(os.environ)
    env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = AK
    env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = SECRET
    env.pop("ALIBABA_CLOUD_SECURITY_TOKEN", None)
    if token:
        env["ALIBABA_CLOUD_SECURITY_TOKEN"] = token
    proc = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=60)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def dry_run(product, action, params, signature, token=None, endpoint=None):
    args = ["--product", product, "--action", action, "--signature", signature,
            "--dry-run-sign", "--nonce", NONCE, "--timestamp", TIMESTAMP]
    if endpoint:
        args += ["--endpoint", endpoint]
    args += [f"{k}={v}" for k, v in params.items()]
    return json.loads(run(args, token=token).stdout)


def url_query(url):
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


@pytest.mark.parametrize("params", PARAM_SETS)
@pytest.mark.parametrize("token", [None, TOKEN])
def test_v3_matches_get_authorization(params, token):
    out = dry_run("ecs", "DescribeNetworkInterfaces", params, "v3", token=token,
                  endpoint="http://127.0.0.1:8080")
    # The headers the official SDK signs for this request, built from the inputs.
    headers = {
        "host": "127.0.0.1:8080",
        "x-acs-action": "DescribeNetworkInterfaces",
        "x-acs-version": VERSIONS["ecs"],
        "x-acs-date": TIMESTAMP,
        "x-acs-signature-nonce": NONCE,
        "x-acs-content-sha256": EMPTY_SHA256,
    }
    if token:
        headers["x-acs-accesskey-id"] = AK
        headers["x-acs-security-token"] = token
    request = TeaRequest()
    request.method = "POST"
    request.pathname = "/"
    request.query = dict(params)
    request.headers = headers
    expected = OpenApiUtil.get_authorization(request, "ACS3-HMAC-SHA256", EMPTY_SHA256, AK, SECRET)
    assert out["authorization"] == expected
    assert out["signed_headers"] == sorted(headers)
    for name, value in headers.items():
        assert out["headers"][name] == value
    assert out["headers"]["accept"] == "application/json"
    assert url_query(out["url"]) == params, "the URL carries exactly the parameters"


@pytest.mark.parametrize("params", PARAM_SETS)
@pytest.mark.parametrize("token", [None, TOKEN])
def test_v1_matches_get_rpcsignature(params, token):
    out = dry_run("vpc", "DescribeEipAddresses", params, "v1", token=token)
    signed = {
        "Action": "DescribeEipAddresses",
        "Version": VERSIONS["vpc"],
        "Format": "JSON",
        "AccessKeyId": AK,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": NONCE,
        "Timestamp": TIMESTAMP,
        **params,
    }
    if token:
        signed["SecurityToken"] = token
    expected = OpenApiUtil.get_rpcsignature(signed, "POST", SECRET)
    assert out["signature"] == expected
    assert url_query(out["url"]) == {**signed, "Signature": expected}


def test_regional_hosts_are_signed():
    cases = [("vpc", "cn-hangzhou", "vpc.aliyuncs.com"), ("vpc", "eu-central-1", "vpc.eu-central-1.aliyuncs.com"),
             ("ecs", "cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com"), ("ecs", "cn-shanghai", "ecs.cn-shanghai.aliyuncs.com")]
    for product, region, host in cases:
        out = dry_run(product, "DescribeRegions", {"RegionId": region}, "v3")
        assert out["host"] == host
        assert out["url"].startswith(f"https://{host}/?")
    out = dry_run("sts", "GetCallerIdentity", {}, "v3")
    assert out["host"] == "sts.aliyuncs.com"


def test_official_v3_vector_through_the_binary():
    env_ak, env_secret = "YourAccessKeyId", "YourAccessKeySecret"
    env = dict(os.environ, ALIBABA_CLOUD_ACCESS_KEY_ID=env_ak, ALIBABA_CLOUD_ACCESS_KEY_SECRET=env_secret)
    env.pop("ALIBABA_CLOUD_SECURITY_TOKEN", None)
    proc = subprocess.run([BIN, "--endpoint", "https://ecs.cn-shanghai.aliyuncs.com", "--product", "ecs",
                           "--action", "RunInstances", "--dry-run-sign", "--nonce", NONCE, "--timestamp", TIMESTAMP,
                           "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId=cn-shanghai"],
                          env=env, capture_output=True, text=True, timeout=60, check=True)
    out = json.loads(proc.stdout)
    assert out["signature"] == "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"


class Gateway(BaseHTTPRequestHandler):
    """Verifies each request with the official routines, answers like the gateway."""

    seen = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        query = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
        headers = {k.lower(): v for k, v in self.headers.items()}
        auth = headers.get("authorization")
        if auth:
            signed_names = auth.split("SignedHeaders=")[1].split(",")[0].split(";")
            request = TeaRequest()
            request.method = self.command
            request.pathname = "/"
            request.query = query
            request.headers = {n: headers.get(n, "") for n in signed_names}
            expected = OpenApiUtil.get_authorization(
                request, "ACS3-HMAC-SHA256", headers.get("x-acs-content-sha256", ""), AK, SECRET)
            ok, action = auth == expected, headers.get("x-acs-action")
        else:
            signature = query.pop("Signature", "")
            ok = OpenApiUtil.get_rpcsignature(query, self.command, SECRET) == signature
            action = query.get("Action")
        Gateway.seen.append((action, query, headers))
        if not ok:
            self.reply(400, {"RequestId": "py-bad", "Code": "SignatureDoesNotMatch",
                             "Message": "Specified signature is not matched with our calculation."})
        elif query.get("AllocationId") == "eip-missing":
            self.reply(404, {"RequestId": "py-404", "HostId": "vpc.aliyuncs.com",
                             "Code": "InvalidAllocationId.NotFound", "Message": "Specified allocation ID is not found"})
        else:
            self.reply(200, {"RequestId": "py-ok", "TotalCount": 0, "PageNumber": 1, "PageSize": 10,
                             "EipAddresses": {"EipAddress": []}})

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def gateway():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Gateway.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("signature", ["v3", "v1"])
@pytest.mark.parametrize("token", [None, TOKEN])
def test_live_requests_verify_with_official_routines(gateway, signature, token):
    proc = run(["--endpoint", gateway, "--signature", signature, "--product", "vpc",
                "--action", "DescribeEipAddresses", "RegionId=cn-hangzhou", "EipName=a b*c~"], token=token)
    assert json.loads(proc.stdout)["RequestId"] == "py-ok"
    action, query, headers = Gateway.seen[-1]
    assert action == "DescribeEipAddresses"
    assert query["EipName"] == "a b*c~"
    if token and signature == "v3":
        assert headers["x-acs-security-token"] == token
    if token and signature == "v1":
        assert query["SecurityToken"] == token


def test_service_error_exits_non_zero_with_code_and_request_id(gateway):
    proc = run(["--endpoint", gateway, "--product", "vpc", "--action", "DescribeEipAddresses",
                "RegionId=cn-hangzhou", "AllocationId=eip-missing"], check=False)
    assert proc.returncode == 1
    assert "code: InvalidAllocationId.NotFound" in proc.stderr
    assert "message: Specified allocation ID is not found" in proc.stderr
    assert "request_id: py-404" in proc.stderr
    assert proc.stdout == ""
