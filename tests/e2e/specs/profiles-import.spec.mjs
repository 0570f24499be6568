// Import from the aliyun CLI end to end: a config.json (pointed to by ALIBABA_CLOUD_CONFIG_FILE,
// as the CLI honours it) with an AccessKey profile of the emulator's second account, a
// chained RAM role over it and an ECS-role profile that cannot be imported. The dialog lists
// all three, the import creates two (the role keeps its source), the RAM role's connection
// test shows the assumed-role ARN and when its credentials expire, and errors show their code.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launchApp, screenshot } from '../lib/app.mjs';
import { openPage } from './tables.lib.mjs';

/** A screenshot once the webview has painted the current DOM (under load it lags behind). */
async function snap(name) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await screenshot(browser, name);
}

// The emulator's second account (crates/alicloud-emulator/src/lib.rs): obviously fake keys.
const ACCOUNT = '5678901234567890';
const CONFIG = {
  current: 'acme-ak',
  profiles: [
    { name: 'acme-ak', mode: 'AK', access_key_id: 'LTAI5tEipDeskSandbox02', access_key_secret: 'sandbox-secret-not-real-2', region_id: 'cn-hangzhou' },
    {
      name: 'acme-admin',
      mode: 'ChainableRamRoleArn',
      source_profile: 'acme-ak',
      ram_role_arn: `acs:ram::${ACCOUNT}:role/EipDeskAdmin`,
      ram_session_name: 'eipdesk-e2e',
      region_id: 'cn-hangzhou',
    },
    { name: 'sso', mode: 'CloudSSO', region_id: 'cn-hangzhou' },
  ],
};

let app;
let browser;

before(async () => {
  mkdirSync(process.env.E2E_SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(process.env.E2E_SCRATCH, 'aliyun-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(CONFIG, null, 2));
  // The app inherits this process's environment (only these sources, nothing from $HOME).
  process.env.ALIBABA_CLOUD_CONFIG_FILE = join(dir, 'config.json');
  process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = join(dir, 'no-credentials-file');
  for (const k of Object.keys(process.env)) if (/^(ALIBABA_?CLOUD|ALICLOUD)_ACCESS_KEY/.test(k)) delete process.env[k];
  app = await launchApp('profiles-import');
  browser = app.browser;
});
after(async () => {
  await app?.close();
});

async function row(name) {
  const el = await browser.$(`[data-testid="profile-row"][data-name="${name}"]`);
  await el.waitForExist({ timeout: 15000 });
  return el;
}

async function keychainItems() {
  const { stdout, stderr } = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'eipdesk']).catch((e) => e);
  return `${stdout ?? ''}\n${stderr ?? ''}`.split('\n').filter((l) => !/^\s*secret\s*=/.test(l)).join('\n');
}

test('the import dialog lists what the aliyun CLI has, with reasons for what it cannot import', async () => {
  await (await browser.$('[data-testid="active-profile"]')).waitForExist({ timeout: 30000 });
  await openPage(browser, 'profiles');
  await (await browser.$('[data-testid="profile-import-open"]')).click();
  const dialog = await browser.$('[data-testid="profile-import"]');
  await dialog.waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await browser.$$('[data-testid="import-candidate"]')).length === 3, {
    timeout: 10000,
    timeoutMsg: 'three candidates from config.json',
  });
  const boxes = await browser.execute(() =>
    Object.fromEntries([...document.querySelectorAll('[data-testid="import-candidate"]')].map((tr) => {
      const box = tr.querySelector('input[type="checkbox"]');
      return [tr.getAttribute('data-key'), { checked: box.checked, disabled: box.disabled, text: tr.textContent }];
    })),
  );
  assert.deepEqual(Object.keys(boxes).sort(), ['aliyun-cli:acme-admin', 'aliyun-cli:acme-ak', 'aliyun-cli:sso']);
  assert.equal(boxes['aliyun-cli:acme-ak'].checked, true);
  assert.equal(boxes['aliyun-cli:acme-admin'].checked, true);
  assert.equal(boxes['aliyun-cli:sso'].disabled, true, 'the CloudSSO profile cannot be imported');
  assert.ok(boxes['aliyun-cli:acme-ak'].text.includes('LTAI****ox02'), 'masked key, never the secret');
  assert.ok(!JSON.stringify(boxes).includes('sandbox-secret-not-real-2'));
  await snap('profiles-import');
  await (await browser.$('[data-testid="import-run"]')).click();
  let failure = '';
  await browser.waitUntil(
    async () => {
      failure = await browser.execute(() => document.querySelector('[data-testid="profile-import"] [role="alert"]')?.textContent ?? '');
      return failure !== '' || !(await dialog.isExisting());
    },
    { timeout: 20000, timeoutMsg: 'the import never finished' },
  );
  assert.equal(failure, '', 'the import failed');
  await row('acme-ak');
  const role = await row('acme-admin');
  const roleText = await role.getText();
  assert.ok(roleText.includes('via acme-ak'), `the chained role keeps its source profile: ${roleText}`);
  // At the default 1280×800 every row's last action (Delete) is in view, not scrolled off.
  const outside = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="profile-row"] [data-action="delete"]')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.right > innerWidth + 1)
      .map((r) => Math.round(r.right)),
  );
  assert.deepEqual(outside, [], `Delete buttons end past the window's right edge (${await browser.execute(() => innerWidth)} px)`);
  const items = await keychainItems();
  assert.ok(items.includes(await (await row('acme-ak')).getAttribute('data-profile-id')), 'the AccessKey went to the keychain');
});

test('a RAM role profile test shows the assumed-role ARN and when its credentials expire', async () => {
  // Route the role (and its source) to the emulator: Edit → Advanced → Use the Sandbox endpoint.
  await (await (await row('acme-admin')).$('button[data-action="edit"]')).click();
  const form = await browser.$('[data-testid="profile-form"]');
  await form.waitForDisplayed({ timeout: 10000 });
  // By keyboard (the form scrolls inside the dialog, where WebKitWebDriver's pointer clicks
  // can land off target): focus the disclosure, Space opens it; Tab, Space ticks the box.
  const disclosure = await form.$('.advanced .disclosure');
  await browser.execute((el) => el.focus(), disclosure);
  await browser.keys([' ']);
  const box = await form.$('[data-testid="profile-sandbox-endpoint"]');
  await box.waitForExist({ timeout: 5000 });
  await browser.keys(['Tab']);
  assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-testid')), 'profile-sandbox-endpoint');
  await browser.keys([' ']);
  await browser.waitUntil(async () => box.isSelected(), { timeout: 5000, timeoutMsg: 'the option is ticked' });
  await (await browser.$('[data-testid="profile-save"]')).click();
  await form.waitForExist({ reverse: true, timeout: 15000 });
  await browser.waitUntil(async () => (await (await row('acme-admin')).getText()).toLowerCase().includes('sandbox endpoint'), {
    timeout: 10000,
    timeoutMsg: 'the row shows the Sandbox endpoint option',
  });

  await (await (await row('acme-admin')).$('button[data-action="test"]')).click();
  const result = await browser.$('[data-testid="connection-result"]');
  await result.waitForDisplayed({ timeout: 20000 });
  assert.equal(await result.getAttribute('data-account-id'), ACCOUNT);
  assert.equal(await (await browser.$('[data-testid="connection-identity"]')).getText(), 'AssumedRoleUser');
  const arn = await (await browser.$('[data-testid="connection-arn"]')).getText();
  assert.match(arn, /assumed-role\/EipDeskAdmin\/eipdesk-e2e/i);
  assert.match(await (await browser.$('[data-testid="connection-expiry"]')).getText(), /\(in \d+ (min|hr?)\.?\)/);
  await snap('profiles-role-test');
});

test('errors show their code: a source profile in use cannot be deleted', async () => {
  await (await (await row('acme-ak')).$('button[data-action="delete"]')).click();
  await (await browser.$('[data-testid="profile-delete-confirm"]')).click();
  let text = '';
  await browser.waitUntil(
    async () => {
      text = await browser.execute(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join('\n'));
      return text.includes('profile.in_use');
    },
    { timeout: 10000, timeoutMsg: 'an error banner with code profile.in_use' },
  );
  assert.ok(text.includes('acme-admin'), `the error names the dependent profile: ${text}`);
  await row('acme-ak');
  // Delete in order: the role, then its source.
  for (const name of ['acme-admin', 'acme-ak']) {
    await (await (await row(name)).$('button[data-action="delete"]')).click();
    await (await browser.$('[data-testid="profile-delete-confirm"]')).click();
    await (await browser.$(`[data-testid="profile-row"][data-name="${name}"]`)).waitForExist({ reverse: true, timeout: 15000 });
  }
});
