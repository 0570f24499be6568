// An OIDC role profile made in the form: provider ARN, token file (written here: an unsigned
// JWT for the emulator's demo OIDC provider, which checks iss/aud/exp but not the signature),
// role ARN and session name, sent to the built-in emulator. Nothing goes to the keychain, and
// the connection test shows the role assumed through AssumeRoleWithOIDC.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launchApp, screenshot } from '../lib/app.mjs';
import { openPage } from './tables.lib.mjs';

// crates/alicloud-emulator/src/oidc.rs and src/lib.rs
const ACCOUNT = '1234567890123456';
const PROVIDER = `acs:ram::${ACCOUNT}:oidc-provider/EipDeskTestIdP`;
const ROLE = `acs:ram::${ACCOUNT}:role/EipDeskAdmin`;
const NAME = 'CI deployer (OIDC)';

let app;
let browser;
let tokenFile;

const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');

before(async () => {
  app = await launchApp('profiles-oidc');
  browser = app.browser;
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://oidc.eipdesk.example.test', aud: 'sts.aliyuncs.com', sub: 'ci', iat: now, exp: now + 3600 };
  tokenFile = join(app.home, 'oidc-token');
  writeFileSync(tokenFile, `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2ln`);
});
after(async () => {
  await app?.close();
});

async function snap(name) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await screenshot(browser, name);
}

test('create an OIDC role profile and test its connection', async () => {
  await openPage(browser, 'profiles');
  await (await browser.$('[data-testid="profile-new"]')).click();
  const form = await browser.$('[data-testid="profile-form"]');
  await form.waitForDisplayed({ timeout: 10000 });
  await (await form.$('input[name="name"]')).setValue(NAME);
  // The radio is drawn as a segmented button: click its label.
  await (await (await form.$('input[name="mode"][value="oidc"]')).parentElement()).click();
  assert.equal(await (await form.$('input[name="accessKeyId"]')).isExisting(), false, 'no AccessKey asked for');
  // A relative path is refused in the form, before anything is sent.
  await (await form.$('input[name="oidcProviderArn"]')).setValue(PROVIDER);
  await (await form.$('input[name="oidcTokenFile"]')).setValue('oidc-token');
  await (await form.$('input[name="roleArn"]')).setValue(ROLE);
  await (await form.$('input[name="sessionName"]')).setValue('ci-deployer');
  await (await form.$('.advanced .disclosure')).click();
  await (await form.$('[data-testid="profile-sandbox-endpoint"]')).click();
  await (await browser.$('[data-testid="profile-save"]')).click();
  await browser.waitUntil(async () => (await (await form.$('input[name="oidcTokenFile"]')).getAttribute('aria-invalid')) === 'true', {
    timeout: 5000,
    timeoutMsg: 'a relative token path is marked invalid',
  });
  await snap('profile-form-oidc');
  await (await form.$('input[name="oidcTokenFile"]')).setValue(tokenFile);
  await (await browser.$('[data-testid="profile-save"]')).click();
  await form.waitForExist({ reverse: true, timeout: 20000 });

  const r = await browser.$(`[data-testid="profile-row"][data-name="${NAME}"]`);
  await r.waitForExist({ timeout: 15000 });
  const id = await r.getAttribute('data-profile-id');
  // The row says what assumes the role (the token file), not "its own AccessKey" (the
  // truncated lines are not in getText(), hence textContent).
  const rowText = await r.getProperty('textContent');
  assert.ok(rowText.includes(`with the OIDC token in ${tokenFile}`), rowText);
  assert.ok(!rowText.includes('its own AccessKey'), rowText);
  const { stdout } = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'eipdesk']).catch((e) => e);
  assert.ok(!(stdout ?? '').includes(id), 'no keychain item for an OIDC profile');

  await (await r.$('button[data-action="test"]')).click();
  const result = await browser.$('[data-testid="connection-result"]');
  await result.waitForDisplayed({ timeout: 20000 });
  assert.equal(await result.getAttribute('data-account-id'), ACCOUNT);
  const arn = await (await browser.$('[data-testid="connection-arn"]')).getText();
  assert.ok(arn.endsWith(':assumed-role/EipDeskAdmin/ci-deployer'), arn);
  await snap('profiles-oidc-connected');
});
