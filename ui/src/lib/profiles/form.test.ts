import { describe, expect, it } from 'vitest';
import { emptyForm, fieldErrorFrom, formFromProfile, hasStoredSecret, isRfc3339, toNewProfile, toProfileEdit } from './form';
import { profile, sandbox } from './fixtures';

describe('toProfileEdit and OIDC', () => {
  it('does not turn an existing profile into an OIDC role', () => {
    const p = profile({ mode: 'accessKey' });
    const built = toProfileEdit({ ...formFromProfile(p), mode: 'oidc' }, p);
    expect(built.ok).toBe(false);
  });
});

describe('toNewProfile', () => {
  it('builds an AccessKey profile and sends the secret as typed', () => {
    const form = { ...emptyForm(), name: ' acme ', accessKeyId: ' LTAIfake0001 ', accessKeySecret: ' fake-secret-for-tests' };
    const built = toNewProfile(form);
    expect(built).toEqual({
      ok: true,
      value: {
        name: 'acme',
        region: 'cn-hangzhou',
        label: 'none',
        credentials: { mode: 'accessKey', accessKeyId: 'LTAIfake0001', accessKeySecret: ' fake-secret-for-tests' },
      },
    });
  });

  it('names every missing field', () => {
    const built = toNewProfile({ ...emptyForm(), region: 'Hangzhou' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'name', 'region']);
  });

  it('builds an OIDC role from the provider, token file and role, with no secret', () => {
    const form = {
      ...emptyForm(),
      name: 'ci',
      mode: 'oidc' as const,
      oidcProviderArn: ' acs:ram::1234567890123456:oidc-provider/EipDeskTestIdP ',
      oidcTokenFile: ' /var/run/secrets/tokens/oidc-token ',
      roleArn: 'acs:ram::1234567890123456:role/EipDeskAdmin',
      sessionName: 'ci-job',
      durationSeconds: '900',
    };
    const built = toNewProfile(form);
    expect(built.ok && built.value.credentials).toEqual({
      mode: 'oidc',
      oidcProviderArn: 'acs:ram::1234567890123456:oidc-provider/EipDeskTestIdP',
      oidcTokenFile: '/var/run/secrets/tokens/oidc-token',
      roleArn: 'acs:ram::1234567890123456:role/EipDeskAdmin',
      sessionName: 'ci-job',
      durationSeconds: 900,
    });
  });

  it('names the OIDC fields to fix and asks for no AccessKey', () => {
    const built = toNewProfile({
      ...emptyForm(),
      name: 'ci',
      mode: 'oidc',
      oidcProviderArn: 'acs:ram::1:role/not-a-provider',
      oidcTokenFile: 'tokens/relative',
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual(['oidcProviderArn', 'oidcTokenFile', 'roleArn']);
  });

  it('builds a RAM role over another profile without any secret', () => {
    const form = {
      ...emptyForm(),
      name: 'role',
      mode: 'ramRole' as const,
      roleSource: 'profile' as const,
      sourceProfileId: 'p-src',
      roleArn: 'acs:ram::1234567890123456:role/EipDeskAdmin',
      durationSeconds: '900',
    };
    const built = toNewProfile(form);
    expect(built.ok && built.value.credentials).toEqual({
      mode: 'ramRole',
      source: { kind: 'profile', profileId: 'p-src' },
      roleArn: 'acs:ram::1234567890123456:role/EipDeskAdmin',
      sessionName: 'eipdesk',
      durationSeconds: 900,
      externalId: null,
    });
  });

  it('checks the role fields and the STS expiry format', () => {
    const role = toNewProfile({ ...emptyForm(), name: 'r', mode: 'ramRole', roleArn: 'arn:aws:iam::1:role/x', durationSeconds: '60', sessionName: 'x' });
    expect(!role.ok && Object.keys(role.errors).sort()).toEqual([
      'durationSeconds',
      'roleArn',
      'sessionName',
      'source.accessKeyId',
      'source.accessKeySecret',
    ]);
    const sts = toNewProfile({ ...emptyForm(), name: 's', mode: 'stsToken', accessKeyId: 'STS.x', accessKeySecret: 'k', expiration: 'tomorrow' });
    expect(!sts.ok && Object.keys(sts.errors).sort()).toEqual(['expiration', 'securityToken']);
  });
});

describe('editing', () => {
  it('starts with every secret field empty and knows a secret is stored', () => {
    const p = profile();
    const form = formFromProfile(p);
    expect(form.accessKeyId).toBe('');
    expect(form.accessKeySecret).toBe('');
    expect(hasStoredSecret(p, form)).toBe(true);
    expect(hasStoredSecret(p, { ...form, mode: 'stsToken' })).toBe(false);
    expect(hasStoredSecret(null, form)).toBe(false);
  });

  it('an untouched form is an empty edit that keeps the secret', () => {
    const p = profile();
    const built = toProfileEdit(formFromProfile(p), p);
    expect(built).toEqual({
      ok: true,
      value: { edit: { name: null, region: null, label: null, credentials: null }, sandboxEndpoint: null, empty: true },
    });
  });

  it('a typed secret replaces the stored one; other fields are sent only when changed', () => {
    const p = profile();
    const form = { ...formFromProfile(p), label: 'staging' as const, accessKeySecret: 'new-fake-secret' };
    const built = toProfileEdit(form, p);
    expect(built.ok && built.value.edit).toEqual({
      name: null,
      region: null,
      label: 'staging',
      credentials: { mode: 'accessKey', accessKeyId: null, accessKeySecret: 'new-fake-secret' },
    });
  });

  it('switching mode requires the new credentials', () => {
    const p = profile();
    const built = toProfileEdit({ ...formFromProfile(p), mode: 'stsToken' }, p);
    expect(!built.ok && Object.keys(built.errors).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'securityToken']);
  });

  it('sends only the changed role settings and clears an external ID with ""', () => {
    const p = profile({
      mode: 'ramRole',
      role: {
        roleArn: 'acs:ram::1:role/a',
        sessionName: 'eipdesk',
        durationSeconds: 3600,
        externalId: 'ext-1',
        sourceProfileId: 'p-src',
        sourceProfileName: 'src',
        oidcProviderArn: null,
        oidcTokenFile: null,
      },
    });
    const form = { ...formFromProfile(p), durationSeconds: '7200', externalId: '' };
    expect(form.roleSource).toBe('profile');
    const built = toProfileEdit(form, p);
    expect(built.ok && built.value.edit.credentials).toEqual({
      mode: 'ramRole',
      source: null,
      roleArn: null,
      sessionName: null,
      durationSeconds: 7200,
      externalId: '',
    });
  });

  it('the Sandbox edits only region and label, never credentials or routing', () => {
    const s = sandbox();
    const built = toProfileEdit({ ...formFromProfile(s), region: 'cn-shanghai', sandboxEndpoint: false }, s);
    expect(built.ok && built.value).toEqual({
      edit: { name: null, region: 'cn-shanghai', label: null, credentials: null },
      sandboxEndpoint: null,
      empty: false,
    });
  });

  it('toggling the Sandbox endpoint option is an edit of its own', () => {
    const p = profile();
    const built = toProfileEdit({ ...formFromProfile(p), sandboxEndpoint: true }, p);
    expect(built.ok && built.value.sandboxEndpoint).toBe(true);
    expect(built.ok && built.value.empty).toBe(false);
  });
});

describe('fieldErrorFrom', () => {
  const dto = (code: string, message: string) => ({ kind: 'invalidInput' as const, code, message, requestId: null, hint: null, words: null, recommend: null });
  it('reads the field of a profile.invalid error', () => {
    expect(fieldErrorFrom(dto('profile.invalid', 'invalid profile: source.accessKeyId: enter the AccessKey ID'))).toEqual({
      'source.accessKeyId': 'Enter the AccessKey ID.',
    });
    expect(fieldErrorFrom(dto('profile.name_taken', 'a profile named "x" already exists'))).toEqual({ name: 'a profile named "x" already exists' });
    expect(fieldErrorFrom(dto('keychain.locked', 'the keyring is locked'))).toEqual({});
  });
  it("words the field's reason from its key in the chosen language", () => {
    const words = {
      message: { key: 'profileInvalid' as const, field: 'accessKeySecret', fieldLabel: { key: 'accessKeySecret' as const }, fieldReason: { key: 'secretSpaces' as const } },
      hint: { key: 'profileInvalid' as const },
    };
    const invalid = { ...dto('profile.invalid', 'invalid profile: AccessKey secret: remove the spaces'), words };
    expect(fieldErrorFrom(invalid, 'en')).toEqual({ accessKeySecret: 'Remove the spaces before or after it (a secret never starts or ends with one).' });
    expect(fieldErrorFrom(invalid, 'zh-CN')).toEqual({ accessKeySecret: '请删除其前后的空格（密钥不会以空格开头或结尾）。' });
  });
});

describe('profiles made in eipdesk-cli', () => {
  it('edits the name of an ECS RAM role profile without asking for an AccessKey', () => {
    const original = profile({ mode: 'ecsRamRole', accessKeyIdMasked: null });
    const form = { ...formFromProfile(original), name: 'renamed' };
    const built = toProfileEdit(form, original);
    expect(built.ok && built.value.edit).toEqual({ name: 'renamed', region: null, label: null, credentials: null });
  });
});

describe('STS expiry', () => {
  it('accepts exactly what the backend parses (RFC 3339)', () => {
    for (const ok of ['2026-06-01T12:00:00Z', '2026-06-01t12:00:00z', '2026-06-01T12:00:00.250+08:00']) expect(isRfc3339(ok), ok).toBe(true);
    for (const bad of ['2026-06-01', 'June 1, 2026', '2026-06-01 12:00:00Z', '2026-06-01T12:00Z', '2026-13-01T00:00:00Z', 'tomorrow']) expect(isRfc3339(bad), bad).toBe(false);
  });
});
