"""Fixtures for the emulator conformance suite.

* `emulator` (session): starts the binary named by `EMULATOR_BIN` on a free port
  (`--port 0`, the endpoint is read from its first output line) and stops it at the end.
* `sig` (parametrized): every SDK test runs twice, with the default V3 signing and with
  `signature_algorithm='v2'` (signature V1, HMAC-SHA1).
* `vpc`, `ecs`, `sts`: official SDK clients for the demo account in that signing mode.
* Before every test that uses `emulator`, the emulator is reset to the demo seed with short
  transition delays (so clients must poll).
"""

import json
import os
import subprocess
import time
import urllib.request

import pytest
from alibabacloud_ecs20140526.client import Client as EcsClient
from alibabacloud_sts20150401.client import Client as StsClient
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vpc20160428.client import Client as VpcClient

import emulator_demo as demo

DELAY_MS = 150


class Emulator:
    """A running emulator binary and its control API."""

    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--seed", "demo"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        line = self.proc.stdout.readline().strip()
        if " on http://" not in line:
            self.proc.kill()
            raise RuntimeError(f"emulator did not start: {line!r}")
        self.url = line.split(" on ", 1)[1]
        self.host = self.url.removeprefix("http://")

    def control(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/_emulator/{path}",
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None

    def reset(self):
        self.control("POST", "reset", {"seed": "demo"})
        delays = {k: DELAY_MS for k in (
            "associate_ms", "unassociate_ms", "release_ms", "attach_ms", "detach_ms", "delete_eni_ms")}
        self.control("PUT", "delays", delays)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def emulator():
    binary = os.environ.get("EMULATOR_BIN", "")
    if not binary or not os.path.exists(binary):
        pytest.skip("set EMULATOR_BIN to the built alicloud-emulator binary")
    emu = Emulator(binary)
    yield emu
    emu.stop()


@pytest.fixture(autouse=True)
def _fresh_state(request):
    if "emulator" in request.fixturenames:
        request.getfixturevalue("emulator").reset()


@pytest.fixture(params=["v3", "v2"])
def sig(request):
    return request.param


def make_config(emulator, sig, ak=demo.DEMO_AK, secret=demo.DEMO_SECRET, token=None, region=demo.HZ):
    kwargs = dict(
        access_key_id=ak,
        access_key_secret=secret,
        endpoint=emulator.host,
        protocol="http",
        region_id=region,
    )
    if token:
        kwargs["security_token"] = token
    if sig == "v2":
        kwargs["signature_algorithm"] = "v2"
    return Config(**kwargs)


@pytest.fixture
def vpc(emulator, sig):
    return VpcClient(make_config(emulator, sig))


@pytest.fixture
def ecs(emulator, sig):
    return EcsClient(make_config(emulator, sig))


@pytest.fixture
def sts(emulator, sig):
    return StsClient(make_config(emulator, sig))


def wait_for(fetch, predicate, timeout=10.0):
    """Polls `fetch()` until `predicate(value)` holds; returns the value."""
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if predicate(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not reached; last value: {value!r}")
        time.sleep(0.05)
