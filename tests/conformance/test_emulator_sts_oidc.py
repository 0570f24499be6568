"""STS AssumeRoleWithOIDC through the official SDK (anonymous, as the SDK sends it), and calls
signed with the issued credentials."""

import base64
import json
import time

from alibabacloud_sts20150401 import models as m
from alibabacloud_sts20150401.client import Client as StsClient
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vpc20160428 import models as vm
from alibabacloud_vpc20160428.client import Client as VpcClient

import emulator_demo as demo
from conftest import make_config
from sdk_helpers import expect_error


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def token(emulator, aud=demo.OIDC_CLIENT_ID, valid_s=600):
    now_s = int(time.time())
    header = {"alg": "RS256", "typ": "JWT"}
    claims = {"iss": demo.OIDC_ISSUER, "aud": aud, "sub": "ci", "exp": now_s + valid_s, "iat": now_s}
    return f"{_b64(header)}.{_b64(claims)}.c2ln"


def anonymous_sts(emulator):
    # No AccessKey: the SDK sends AssumeRoleWithOIDC unsigned.
    return StsClient(Config(endpoint=emulator.host, protocol="http", region_id=demo.HZ))


def test_assume_role_with_oidc_and_use_the_session(emulator, sig):
    req = m.AssumeRoleWithOIDCRequest(
        oidcprovider_arn=demo.OIDC_PROVIDER_ARN,
        role_arn=demo.ROLE_ARN,
        oidctoken=token(emulator),
        role_session_name="conformance-oidc",
        duration_seconds=900,
    )
    r = anonymous_sts(emulator).assume_role_with_oidc(req).body
    creds = r.credentials
    assert creds.access_key_id.startswith("STS.")
    assert creds.expiration.endswith("Z")
    assert r.oidctoken_info.issuer == demo.OIDC_ISSUER
    assert r.assumed_role_user.assumed_role_id.endswith(":conformance-oidc")
    session = make_config(emulator, sig, creds.access_key_id, creds.access_key_secret, creds.security_token)
    who = StsClient(session).get_caller_identity().body
    assert who.identity_type == "AssumedRoleUser"
    eips = VpcClient(session).describe_eip_addresses(vm.DescribeEipAddressesRequest(region_id=demo.HZ)).body
    assert eips.total_count >= 3


def test_assume_role_with_oidc_errors(emulator):
    sts = anonymous_sts(emulator)
    base = dict(oidcprovider_arn=demo.OIDC_PROVIDER_ARN, role_arn=demo.ROLE_ARN, role_session_name="x-ok")
    expect_error("AuthenticationFail.OIDCToken.AudienceNotMatch", sts.assume_role_with_oidc,
                 m.AssumeRoleWithOIDCRequest(oidctoken=token(emulator, aud="other"), **base), status=401)
    expect_error("AuthenticationFail.OIDCToken.Expired", sts.assume_role_with_oidc,
                 m.AssumeRoleWithOIDCRequest(oidctoken=token(emulator, valid_s=-10), **base), status=401)
    expect_error("AuthenticationFail.OIDCToken.Invalid", sts.assume_role_with_oidc,
                 m.AssumeRoleWithOIDCRequest(oidctoken="abc", **base), status=401)
