/**
 * The profile form's state and how it becomes what the backend takes: a `NewProfile` for
 * "New profile", a minimal `ProfileEdit` for "Edit". Secret fields are write-only: an edit
 * form starts them empty (the UI never receives a stored secret), and an empty secret field
 * means "keep what the keychain has"; typing a value replaces it.
 */
import { m, type Locale } from '../i18n';
import { errorMessage } from '../errors/words';
import { fieldReasonText } from './field_text';
import type {
  CredentialsEdit,
  DeskProfile,
  EnvLabel,
  ErrorDto,
  NewCredentials,
  NewProfile,
  ProfileEdit,
  RoleSourceEdit,
} from '../backend';

export type FormMode = 'accessKey' | 'stsToken' | 'ramRole' | 'oidc';
export type RoleSourceKind = 'accessKey' | 'profile';

export interface ProfileForm {
  name: string;
  region: string;
  label: EnvLabel;
  mode: FormMode;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** RFC 3339, or empty when unknown. */
  expiration: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: string;
  externalId: string;
  roleSource: RoleSourceKind;
  sourceProfileId: string;
  /** OIDC role: the provider's ARN and the absolute path of the token file. */
  oidcProviderArn: string;
  oidcTokenFile: string;
  /** Advanced: send this profile's calls to the built-in Sandbox emulator. */
  sandboxEndpoint: boolean;
}

/** Field name (as the backend's `profile.invalid` errors name it) → message. */
export type FieldErrors = Partial<Record<string, string>>;

export type Built<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const DEFAULT_REGION = 'cn-hangzhou';
export const DEFAULT_SESSION_NAME = 'eipdesk';
export const DEFAULT_DURATION = 3600;

export const MODE_LABELS: Record<FormMode, string> = {
  get accessKey() { return m.auth_access_key(); },
  get stsToken() { return m.auth_sts(); },
  get ramRole() { return m.auth_ram_role(); },
  get oidc() { return m.auth_oidc(); },
};

export const LABELS: { value: EnvLabel; readonly text: string }[] = [
  { value: 'none', get text() { return m.env_none(); } },
  { value: 'test', get text() { return m.env_test(); } },
  { value: 'staging', get text() { return m.env_staging(); } },
  { value: 'production', get text() { return m.env_production(); } },
];

export function emptyForm(): ProfileForm {
  return {
    name: '',
    region: DEFAULT_REGION,
    label: 'none',
    mode: 'accessKey',
    accessKeyId: '',
    accessKeySecret: '',
    securityToken: '',
    expiration: '',
    roleArn: '',
    sessionName: DEFAULT_SESSION_NAME,
    durationSeconds: String(DEFAULT_DURATION),
    externalId: '',
    roleSource: 'accessKey',
    sourceProfileId: '',
    oidcProviderArn: '',
    oidcTokenFile: '',
    sandboxEndpoint: false,
  };
}

/** An edit form for `p`: every non-secret value filled in, every secret field empty. */
/**
 * What the backend's STS expiry parser (RFC 3339, the `time` crate) accepts: a full date, `T`,
 * a time with seconds, optional fractions, and `Z` or a `±HH:MM` offset. `Date.parse` alone
 * also takes "2026-06-01" or "June 1, 2026", which the backend would then refuse.
 */
export function isRfc3339(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60 && !Number.isNaN(Date.parse(text));
}

export function formFromProfile(p: DeskProfile): ProfileForm {
  const form = emptyForm();
  form.name = p.name;
  form.region = p.region;
  form.label = p.label;
  // ECS RAM role and credentials-URI profiles are made with eipdesk-cli; the form edits their name, region and label.
  form.mode = p.mode === 'stsToken' || p.mode === 'ramRole' ? p.mode : 'accessKey';
  form.expiration = p.stsExpiration ?? '';
  form.sandboxEndpoint = p.sandboxEndpoint;
  if (p.role) {
    form.roleArn = p.role.roleArn;
    form.sessionName = p.role.sessionName;
    form.durationSeconds = String(p.role.durationSeconds);
    form.externalId = p.role.externalId ?? '';
    form.roleSource = p.role.sourceProfileId ? 'profile' : 'accessKey';
    form.sourceProfileId = p.role.sourceProfileId ?? '';
  }
  return form;
}

/** True when `p` keeps a secret in the keychain that an empty field would keep. */
export function hasStoredSecret(p: DeskProfile | null, form: ProfileForm): boolean {
  if (!p || p.mode !== form.mode) return false;
  if (p.mode === 'ramRole') return form.roleSource === 'accessKey' && !p.role?.sourceProfileId;
  return p.mode === 'accessKey' || p.mode === 'stsToken';
}

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());
/** Secrets are sent as typed (only blank means "none"): the backend validates them. */
const secret = (v: string): string | null => (v.trim() === '' ? null : v);

function checkCommon(form: ProfileForm, errors: FieldErrors) {
  if (!form.name.trim()) errors.name = m.pf_err_name();
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(form.region.trim())) errors.region = m.pf_err_region();
  if (form.expiration.trim() && !isRfc3339(form.expiration.trim())) {
    errors.expiration = m.pf_err_expiration();
  }
  if (form.mode === 'oidc') {
    if (!/^acs:ram::\d+:oidc-provider\/\S+$/.test(form.oidcProviderArn.trim())) {
      errors.oidcProviderArn = m.pf_err_oidc_provider();
    }
    if (!form.oidcTokenFile.trim().startsWith('/')) {
      errors.oidcTokenFile = m.pf_err_oidc_token_file();
    }
  }
  if (form.mode === 'ramRole' || form.mode === 'oidc') {
    if (!/^acs:ram::\d+:role\/\S+$/.test(form.roleArn.trim())) errors.roleArn = m.pf_err_role_arn();
    if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(form.sessionName.trim())) errors.sessionName = m.pf_err_session_name();
    const d = Number(form.durationSeconds);
    if (!Number.isInteger(d) || d < 900 || d > 43200) errors.durationSeconds = m.pf_err_duration();
    if (form.mode === 'ramRole' && form.roleSource === 'profile' && !form.sourceProfileId) errors.source = m.pf_err_source();
  }
}

function required(errors: FieldErrors, field: string, value: string, message: string) {
  if (!value.trim()) errors[field] = message;
}

/** The request for "New profile", or the fields to fix. */
export function toNewProfile(form: ProfileForm): Built<NewProfile> {
  const errors: FieldErrors = {};
  checkCommon(form, errors);
  let credentials: NewCredentials;
  if (form.mode === 'oidc') {
    credentials = {
      mode: 'oidc',
      oidcProviderArn: form.oidcProviderArn.trim(),
      oidcTokenFile: form.oidcTokenFile.trim(),
      roleArn: form.roleArn.trim(),
      sessionName: form.sessionName.trim(),
      durationSeconds: Number(form.durationSeconds),
    };
  } else if (form.mode === 'ramRole') {
    const ak = form.roleSource === 'accessKey';
    if (ak) {
      required(errors, 'source.accessKeyId', form.accessKeyId, m.pf_err_source_akid());
      required(errors, 'source.accessKeySecret', form.accessKeySecret, m.pf_err_source_secret());
    }
    credentials = {
      mode: 'ramRole',
      source: ak
        ? { kind: 'accessKey', accessKeyId: form.accessKeyId.trim(), accessKeySecret: form.accessKeySecret }
        : { kind: 'profile', profileId: form.sourceProfileId },
      roleArn: form.roleArn.trim(),
      sessionName: form.sessionName.trim(),
      durationSeconds: Number(form.durationSeconds),
      externalId: text(form.externalId),
    };
  } else {
    required(errors, 'accessKeyId', form.accessKeyId, m.pf_err_akid());
    required(errors, 'accessKeySecret', form.accessKeySecret, m.pf_err_secret());
    if (form.mode === 'stsToken') {
      required(errors, 'securityToken', form.securityToken, m.pf_err_token());
      credentials = {
        mode: 'stsToken',
        accessKeyId: form.accessKeyId.trim(),
        accessKeySecret: form.accessKeySecret,
        securityToken: form.securityToken,
        expiration: text(form.expiration),
      };
    } else {
      credentials = { mode: 'accessKey', accessKeyId: form.accessKeyId.trim(), accessKeySecret: form.accessKeySecret };
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name: form.name.trim(), region: form.region.trim(), label: form.label, credentials } };
}

function roleSourceEdit(form: ProfileForm, original: DeskProfile): RoleSourceEdit | null {
  const wasProfile = original.mode === 'ramRole' ? original.role?.sourceProfileId ?? null : null;
  const wasAccessKey = original.mode === 'ramRole' && !wasProfile;
  if (form.roleSource === 'profile') {
    return form.sourceProfileId === wasProfile ? null : { kind: 'profile', profileId: form.sourceProfileId };
  }
  const id = text(form.accessKeyId);
  const key = secret(form.accessKeySecret);
  if (wasAccessKey && id === null && key === null) return null;
  return { kind: 'accessKey', accessKeyId: id, accessKeySecret: key };
}

function credentialsEdit(form: ProfileForm, original: DeskProfile): CredentialsEdit | null {
  const sameMode = original.mode === form.mode;
  const id = text(form.accessKeyId);
  const key = secret(form.accessKeySecret);
  if (form.mode === 'accessKey') {
    if (sameMode && id === null && key === null) return null;
    return { mode: 'accessKey', accessKeyId: id, accessKeySecret: key };
  }
  if (form.mode === 'stsToken') {
    const token = secret(form.securityToken);
    const expiration = text(form.expiration);
    const expirationChanged = expiration !== (original.stsExpiration ?? null);
    if (sameMode && id === null && key === null && token === null && !expirationChanged) return null;
    return { mode: 'stsToken', accessKeyId: id, accessKeySecret: key, securityToken: token, expiration };
  }
  const role = original.mode === 'ramRole' ? original.role : null;
  const source = roleSourceEdit(form, original);
  const changed = <T>(now: T, before: T | undefined): T | null => (role && now === before ? null : now);
  const externalId = form.externalId.trim();
  const edit: CredentialsEdit = {
    mode: 'ramRole',
    source: sameMode ? source : roleSourceEdit(form, { ...original, mode: 'ramRole', role: null }),
    roleArn: changed(form.roleArn.trim(), role?.roleArn),
    sessionName: changed(form.sessionName.trim(), role?.sessionName),
    durationSeconds: changed(Number(form.durationSeconds), role?.durationSeconds),
    // "" clears a stored external ID
    externalId: changed(externalId, role?.externalId ?? ''),
  };
  if (sameMode && edit.source === null && edit.roleArn === null && edit.sessionName === null && edit.durationSeconds === null && edit.externalId === null) {
    return null;
  }
  return edit;
}

/** The minimal edit turning `original` into `form` (empty secret fields keep the stored ones). */
export function toProfileEdit(
  form: ProfileForm,
  original: DeskProfile,
): Built<{ edit: ProfileEdit; sandboxEndpoint: boolean | null; empty: boolean }> {
  const errors: FieldErrors = {};
  // The Sandbox has no credentials; ECS RAM role, URI, External and OIDC profiles keep theirs.
  const fixed =
    original.builtin ||
    original.mode === 'ecsRamRole' ||
    original.mode === 'credentialsUri' ||
    original.mode === 'external' ||
    original.mode === 'oidc';
  if (fixed) form = { ...form, mode: 'accessKey' };
  if (form.mode === 'oidc') {
    // Edits carry no OIDC settings: an OIDC role is made as a new profile.
    return { ok: false, errors: { mode: m.pf_err_oidc_edit() } };
  }
  checkCommon(form, errors);
  if (!fixed && original.mode !== form.mode && form.mode !== 'ramRole') {
    // A new mode has nothing stored to keep.
    required(errors, 'accessKeyId', form.accessKeyId, m.pf_err_akid());
    required(errors, 'accessKeySecret', form.accessKeySecret, m.pf_err_secret());
    if (form.mode === 'stsToken') required(errors, 'securityToken', form.securityToken, m.pf_err_token());
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const edit: ProfileEdit = {
    name: form.name.trim() === original.name ? null : form.name.trim(),
    region: form.region.trim() === original.region ? null : form.region.trim(),
    label: form.label === original.label ? null : form.label,
    credentials: fixed ? null : credentialsEdit(form, original),
  };
  const sandboxEndpoint = original.builtin || form.sandboxEndpoint === original.sandboxEndpoint ? null : form.sandboxEndpoint;
  const empty = edit.name === null && edit.region === null && edit.label === null && edit.credentials === null && sandboxEndpoint === null;
  return { ok: true, value: { edit, sandboxEndpoint, empty } };
}

/**
 * The field a backend `profile.invalid` error is about (its message reads
 * `invalid profile: <field>: <reason>`), mapped to this form's field names.
 */
export function fieldErrorFrom(error: ErrorDto, locale?: Locale): FieldErrors {
  if (error.code === 'profile.name_taken') return { name: errorMessage(error, locale) };
  if (error.code !== 'profile.invalid') return {};
  const text = error.words?.message;
  if (text?.key === 'profileInvalid') {
    const reason = fieldReasonText(text.fieldReason, locale);
    const sentence = m.pf_field_error({ reason: reason.charAt(0).toUpperCase() + reason.slice(1) }, locale ? { locale } : {});
    return { [text.field]: sentence };
  }
  const match = /^invalid profile: ([A-Za-z.]+): (.*)$/.exec(error.message);
  if (!match) return {};
  const [, field, reason] = match as unknown as [string, string, string];
  return { [field]: reason.charAt(0).toUpperCase() + reason.slice(1) + '.' };
}

/** Where a field's error is shown: the role's own AccessKey uses the same inputs. */
export function errorFor(errors: FieldErrors, field: 'accessKeyId' | 'accessKeySecret' | string): string | undefined {
  return errors[field] ?? errors[`source.${field}`];
}
