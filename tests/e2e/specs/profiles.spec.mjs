// Credential profiles end to end: create an AccessKey profile in the UI for the emulator's
// second account (its keys are the emulator's obviously fake test values), check the secret
// is in the OS keychain (gnome-keyring of the test session) and not in any file, test the
// connection, switch to it with the Ctrl+K switcher (the EIP table shows that account's
// resources), switch back to the Sandbox, delete it (the keychain item goes too).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launchApp, screenshot } from '../lib/app.mjs';
import { openPage, tableRows } from './tables.lib.mjs';

/** A screenshot once the webview has painted the current DOM (under load it lags behind). */
async function snap(name) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await screenshot(browser, name);
}

// crates/alicloud-emulator/src/lib.rs and src/seed/demo_ids.rs
const SECOND = { keyId: 'LTAI5tEipDeskSandbox02', secret: 'sandbox-secret-not-real-2', account: '5678901234567890' };
const SECOND_EIP = 'eip-bp1740pp0fixxi6ybelj';
const DEMO_EIP = 'eip-bp1vdcgzm41znfkjyd2x';
const NAME = 'Acme second account';

let app;
let browser;
let profileId;

before(async () => {
  app = await launchApp('profiles');
  browser = app.browser;
});
after(async () => {
  await app?.close();
});

/** Attribute lines of every keychain item of the `eipdesk` service (secret values dropped). */
async function keychainItems() {
  const { stdout, stderr } = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'eipdesk']).catch((e) => e);
  return `${stdout ?? ''}\n${stderr ?? ''}`
    .split('\n')
    .filter((l) => !/^\s*secret\s*=/.test(l))
    .join('\n');
}

async function pill() {
  const el = await browser.$('[data-testid="active-profile"]');
  await el.waitForExist({ timeout: 30000 });
  return el;
}

async function waitForActive(id) {
  await browser.waitUntil(async () => (await (await pill()).getAttribute('data-profile-id')) === id, {
    timeout: 20000,
    timeoutMsg: `the header never showed profile ${id} as active`,
  });
}

async function eipKeys() {
  return (await tableRows(browser, 'eip-table')).map((r) => r.key);
}

async function waitForEip(key, present) {
  await browser.waitUntil(async () => (await eipKeys()).includes(key) === present, {
    timeout: 30000,
    interval: 250,
    timeoutMsg: `EIP ${key} should ${present ? '' : 'not '}be in the table`,
  });
}

async function row(name) {
  const el = await browser.$(`[data-testid="profile-row"][data-name="${name}"]`);
  await el.waitForExist({ timeout: 15000 });
  return el;
}

/** Opens the switcher with Ctrl+K, types `query`, checks the first result and presses Enter. */
async function switchWithKeyboard(query, expectedId, shot) {
  await browser.keys(['Control', 'k']);
  const input = await browser.$('[data-testid="profile-switcher-input"]');
  await input.waitForDisplayed({ timeout: 5000 });
  assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-testid')), 'profile-switcher-input', 'focus is in the search box');
  await input.setValue(query);
  await browser.waitUntil(
    async () => {
      const ids = await browser.execute(() => [...document.querySelectorAll('[data-testid="profile-option"]')].map((o) => o.getAttribute('data-profile-id')));
      return ids.length === 1 && ids[0] === expectedId;
    },
    { timeout: 10000, timeoutMsg: `searching "${query}" should leave only ${expectedId}` },
  );
  if (shot) await snap(shot);
  await browser.keys(['Enter']);
  await (await browser.$('[data-testid="profile-switcher"]')).waitForExist({ reverse: true, timeout: 20000 });
}

test('the app starts on the Sandbox with its demo EIPs', async () => {
  await waitForActive('sandbox');
  assert.equal(await (await pill()).getAttribute('data-environment'), 'sandbox');
  await waitForEip(DEMO_EIP, true);
  assert.ok(!(await eipKeys()).includes(SECOND_EIP));
});

test('create an AccessKey profile: the secret goes to the keychain only', async () => {
  await openPage(browser, 'profiles');
  await (await browser.$('[data-testid="profile-new"]')).click();
  const form = await browser.$('[data-testid="profile-form"]');
  await form.waitForDisplayed({ timeout: 10000 });
  await (await form.$('input[name="name"]')).setValue(NAME);
  await (await form.$('select[name="label"]')).selectByAttribute('value', 'production');
  await (await form.$('input[name="accessKeyId"]')).setValue(SECOND.keyId);
  await (await form.$('input[name="accessKeySecret"]')).setValue(SECOND.secret);
  await (await form.$('.advanced .disclosure')).click();
  await (await form.$('[data-testid="profile-sandbox-endpoint"]')).click();
  await (await browser.$('[data-testid="profile-save"]')).click();
  await form.waitForExist({ reverse: true, timeout: 20000 });

  const r = await row(NAME);
  profileId = await r.getAttribute('data-profile-id');
  assert.match(profileId, /^p-[0-9a-f]+$/);
  const text = await r.getText();
  assert.ok(text.includes('LTAI****ox02'), `masked key id shown: ${text}`);
  assert.ok(!text.includes(SECOND.secret));

  const items = await keychainItems();
  assert.ok(items.includes(profileId), `a keychain item of service eipdesk exists for ${profileId}:\n${items}`);
  const toml = readFileSync(join(app.home, 'profiles.toml'), 'utf8');
  assert.ok(toml.includes(profileId) && !toml.includes(SECOND.secret) && !toml.includes(SECOND.keyId), 'profiles.toml has the profile but no secret');

  // Editing shows the secret as stored, never its value.
  await (await r.$('button[data-action="edit"]')).click();
  const edit = await browser.$('[data-testid="profile-form"]');
  await edit.waitForDisplayed({ timeout: 10000 });
  assert.equal(await (await edit.$('input[name="accessKeySecret"]')).getValue(), '');
  assert.ok(await (await edit.$('[data-testid="secret-stored"]')).isDisplayed());
  // A native modal <dialog> (the page behind it inert), labelled by its title, focus on the
  // first field; Escape closes it and focus goes back to the Edit button.
  const modal = await browser.execute(() => {
    const d = document.querySelector('[data-testid="profile-form"]');
    return {
      modal: d?.matches('dialog:modal') ?? false,
      label: document.getElementById(d?.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      focus: document.activeElement?.getAttribute('name') ?? '',
      focusInside: !!d?.contains(document.activeElement),
    };
  });
  assert.equal(modal.modal, true, 'the form is a modal <dialog>');
  assert.match(modal.label, new RegExp(`Edit profile .${NAME}.`));
  assert.equal(modal.focusInside, true, 'focus starts inside the dialog');
  assert.equal(modal.focus, 'name', 'focus starts on the first field');
  await browser.keys(['Escape']);
  await edit.waitForExist({ reverse: true, timeout: 5000 });
  assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-action')), 'edit', 'focus returns to the Edit button');
});

test('test connection shows the second account', async () => {
  const r = await row(NAME);
  await (await r.$('button[data-action="test"]')).click();
  const result = await browser.$('[data-testid="connection-result"]');
  await result.waitForDisplayed({ timeout: 20000 });
  assert.equal(await result.getAttribute('data-account-id'), SECOND.account);
  assert.equal(await (await browser.$('[data-testid="connection-account"]')).getText(), SECOND.account);
  assert.ok((await (await browser.$('[data-testid="connection-arn"]')).getText()).includes(SECOND.account));
  await browser.waitUntil(async () => (await (await row(NAME)).getText()).includes(SECOND.account), {
    timeout: 10000,
    timeoutMsg: 'the account ID is recorded in the list',
  });
  await snap('profiles-manager');
});

test('Ctrl+K switches to the profile: header and EIP table follow', async () => {
  await openPage(browser, 'eips');
  await switchWithKeyboard('5678', profileId, 'profile-switcher');
  await waitForActive(profileId);
  const p = await pill();
  assert.equal(await p.getAttribute('data-environment'), 'production');
  assert.equal(await p.getAttribute('data-tone'), 'red');
  assert.ok((await p.getText()).includes(SECOND.account), 'the header shows the account');
  await waitForEip(SECOND_EIP, true);
  assert.ok(!(await eipKeys()).includes(DEMO_EIP), 'no Sandbox EIP left in the table');
  await snap('profiles-switched');
});

test('on the production profile the sheet is red from its first line and asks for the EIP\'s IP', async () => {
  const SPARE_ENI = 'eni-bp1uylbn1fspcz432w3a'; // account 2, cn-hangzhou, free
  await (await browser.$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${SECOND_EIP}"] td:first-child`)).doubleClick();
  await (await browser.$('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  await (await browser.$('[data-testid="bind-sheet"] [data-testid="production-banner"]')).waitForExist({ timeout: 20000 });
  const first = await browser.execute(() => {
    const c = document.querySelector('[data-testid="bind-sheet"] .content')?.firstElementChild;
    return { id: c?.getAttribute('data-testid'), production: c?.getAttribute('data-production'), text: c?.textContent?.replace(/\s+/g, ' ') };
  });
  assert.equal(first.id, 'sheet-context');
  assert.equal(first.production, 'true');
  assert.match(first.text, new RegExp(`PRODUCTION.*${NAME}.*${SECOND.account}.*cn-hangzhou`));
  const choice = `[data-testid="choose-target"] [data-choice="${SPARE_ENI}"] input`;
  await (await browser.$(choice)).waitForExist({ timeout: 20000 });
  await browser.execute((sel) => document.querySelector(sel).click(), choice);
  const ip = await browser.execute((id) => document.querySelector(`[data-testid="choose-eip"] [data-choice="${id}"]`)?.textContent.trim().split(/\s+/)[0], SECOND_EIP);
  assert.match(ip, /^\d+\.\d+\.\d+\.\d+$/);
  await browser.waitUntil(async () => (await browser.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await browser.$('[data-testid="bind-check"]')).click();
  const typed = await browser.$('[data-testid="confirm-typed"]');
  await typed.waitForExist({ timeout: 20000 });
  // No placeholder gives the answer; the ENI's ID (what it asked for before) does not confirm.
  assert.equal(await browser.execute(() => document.querySelector('[data-testid="confirm-typed"]').hasAttribute('placeholder')), false);
  await browser.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  await typed.setValue(SPARE_ENI);
  assert.equal(await (await browser.$('[data-testid="bind-run"]')).isEnabled(), false);
  await typed.clearValue();
  await typed.setValue(ip);
  assert.equal(await (await browser.$('[data-testid="bind-run"]')).isEnabled(), true);
  await snap('profiles-production-guard');
  await (await browser.$('[data-testid="bind-sheet"] header .close')).click();
  await (await browser.$('[data-testid="bind-sheet"]')).waitForExist({ reverse: true, timeout: 10000 });
});

test('switching back to the Sandbox shows its EIPs again', async () => {
  await switchWithKeyboard('sandbox', 'sandbox');
  await waitForActive('sandbox');
  await waitForEip(DEMO_EIP, true);
  assert.ok(!(await eipKeys()).includes(SECOND_EIP));
});

test('a missing keychain item: the app falls back to the Sandbox with a visible notice', async () => {
  await switchWithKeyboard('acme', profileId);
  await waitForActive(profileId);
  // The item disappears behind the app's back (another tool, a keyring reset, ...).
  await promisify(execFile)('secret-tool', ['clear', 'service', 'eipdesk', 'username', profileId]);
  assert.ok(!(await keychainItems()).includes(profileId));
  // Editing the active profile rebuilds its session, which now cannot read the secret.
  await openPage(browser, 'profiles');
  await (await (await row(NAME)).$('button[data-action="edit"]')).click();
  let form = await browser.$('[data-testid="profile-form"]');
  await form.waitForDisplayed({ timeout: 10000 });
  await (await form.$('select[name="label"]')).selectByAttribute('value', 'staging');
  await (await browser.$('[data-testid="profile-save"]')).click();
  await form.waitForExist({ reverse: true, timeout: 15000 });
  await waitForActive('sandbox');
  const notice = await browser.$('[data-testid="profile-notice"]');
  await notice.waitForDisplayed({ timeout: 10000 });
  assert.equal(await notice.getAttribute('data-code'), 'profile.secret_missing');
  assert.ok((await notice.getText()).includes(NAME));
  await snap('profiles-fallback-notice');
  // A failed connection test names its profile and belongs to it (and to the active profile).
  await (await (await row(NAME)).$('button[data-action="test"]')).click();
  const failed = await browser.$('[data-testid="profile-action-error"]');
  await failed.waitForDisplayed({ timeout: 20000 });
  assert.equal(await failed.getAttribute('data-profile-id'), profileId);
  assert.ok((await failed.getText()).includes(`Connection test of “${NAME}” failed`), await failed.getText());

  // Entering the credentials again puts a new item in the keychain.
  await (await (await row(NAME)).$('button[data-action="edit"]')).click();
  form = await browser.$('[data-testid="profile-form"]');
  await form.waitForDisplayed({ timeout: 10000 });
  await (await form.$('input[name="accessKeyId"]')).setValue(SECOND.keyId);
  await (await form.$('input[name="accessKeySecret"]')).setValue(SECOND.secret);
  await (await browser.$('[data-testid="profile-save"]')).click();
  await form.waitForExist({ reverse: true, timeout: 15000 });
  assert.ok((await keychainItems()).includes(profileId), 'the keychain item is back');
  await (await notice.$('button=Dismiss')).click();
  await notice.waitForExist({ reverse: true, timeout: 5000 });
  // Another profile becomes active (from the header, on this page): the old failure goes.
  await switchWithKeyboard('acme', profileId);
  await waitForActive(profileId);
  assert.equal(await browser.execute(() => document.querySelector('[data-testid="profiles-page"]') !== null), true, 'still on the Profiles page');
  await browser.waitUntil(async () => browser.execute(() => !document.querySelector('[data-testid="profile-action-error"]')), {
    timeout: 5000,
    timeoutMsg: 'the failed test from before the switch still shows',
  });
});

test('delete asks first, then removes the profile and its keychain item', async () => {
  await openPage(browser, 'profiles');
  await (await (await row(NAME)).$('button[data-action="delete"]')).click();
  const confirm = await browser.$('[data-testid="profile-delete-confirm"]');
  await confirm.waitForDisplayed({ timeout: 5000 });
  await confirm.click();
  await (await browser.$(`[data-testid="profile-row"][data-name="${NAME}"]`)).waitForExist({ reverse: true, timeout: 15000 });
  await browser.waitUntil(async () => !(await keychainItems()).includes(profileId), {
    timeout: 10000,
    timeoutMsg: 'the keychain item is gone',
  });
  assert.ok(!readFileSync(join(app.home, 'profiles.toml'), 'utf8').includes(profileId));
});
