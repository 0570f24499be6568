// The import never blocks, end to end: the mixed config.json fixture of the core's import
// tests (an empty name, a duplicated name, an entry that is not an object, a 100-character
// name, a numeric AccessKey ID, a bidi-override name, a padded secret, a numeric name, and
// two good profiles). The dialog lists every bad entry with its reason, the import creates
// the good ones, and a second scan marks them imported before and selects nothing, so a
// second import cannot duplicate them. Then the Terminal panel moves the good AccessKey's
// plaintext secret into the keychain: preview, confirm, config.json rewritten, backup kept.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchApp, screenshot } from '../lib/app.mjs';
import { openPage } from './tables.lib.mjs';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../../crates/eipdesk-core/tests/fixtures/import/aliyun/mixed.json');
const GOOD = ['aliyun-cli:good-ak', 'aliyun-cli:good-sts'];

async function snap(name) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await screenshot(browser, name);
}

let app;
let browser;
let configPath;

before(async () => {
  mkdirSync(process.env.E2E_SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(process.env.E2E_SCRATCH, 'aliyun-mixed-'));
  configPath = join(dir, 'config.json');
  copyFileSync(FIXTURE, configPath);
  process.env.ALIBABA_CLOUD_CONFIG_FILE = configPath;
  process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = join(dir, 'no-credentials-file');
  for (const k of Object.keys(process.env)) if (/^(ALIBABA_?CLOUD|ALICLOUD)_ACCESS_KEY/.test(k)) delete process.env[k];
  app = await launchApp('profiles-import-mixed');
  browser = app.browser;
});
after(async () => {
  await app?.close();
});

/** Opens the import dialog and returns its candidates by key once the scan is shown. */
async function scan() {
  await (await browser.$('[data-testid="profile-import-open"]')).click();
  await (await browser.$('[data-testid="profile-import"]')).waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await browser.$$('[data-testid="import-candidate"]')).length === 11, {
    timeout: 10000,
    timeoutMsg: 'eleven entries listed from config.json',
  });
  return browser.execute(() =>
    Object.fromEntries([...document.querySelectorAll('[data-testid="import-candidate"]')].map((tr) => {
      const box = tr.querySelector('input[type="checkbox"]');
      return [tr.getAttribute('data-key'), { checked: box.checked, disabled: box.disabled, text: tr.textContent }];
    })),
  );
}

async function rowNames() {
  return browser.execute(() => [...document.querySelectorAll('[data-testid="profile-row"]')].map((r) => r.getAttribute('data-name')));
}

test('bad entries are listed with their reasons and the good ones import', async () => {
  await (await browser.$('[data-testid="active-profile"]')).waitForExist({ timeout: 30000 });
  await openPage(browser, 'profiles');
  const rows = await scan();
  const importable = Object.entries(rows).filter(([, r]) => !r.disabled).map(([k]) => k).sort();
  assert.deepEqual(importable, GOOD);
  for (const key of GOOD) assert.equal(rows[key].checked, true, `${key} is preselected`);
  const reason = (key) => rows[key]?.text ?? assert.fail(`no row ${key}: ${Object.keys(rows).join(', ')}`);
  assert.match(reason('aliyun-cli:#2'), /no name/);
  assert.match(reason('aliyun-cli:#3'), /"twice".*3 and 4/);
  assert.match(reason('aliyun-cli:#5'), /entry #5 must be a JSON object, not a string/);
  assert.match(reason(`aliyun-cli:${'n'.repeat(100)}`), /use at most 64/);
  assert.match(reason('aliyun-cli:numeric-id'), /access_key_id must be a string, not a number/);
  assert.match(reason('aliyun-cli:sneaky\u202eadmin'), /invisible/);
  assert.match(reason('aliyun-cli:padded-secret'), /remove the spaces/);
  assert.match(reason('aliyun-cli:#10'), /name must be a string, not a number/);
  assert.ok(!JSON.stringify(rows).includes('fake-secret-for-tests'), 'no secret in the dialog');
  // Every reason is on screen inside the dialog (a 100-character name must not push the
  // reason column out of it), and the bidi-override name shows its hidden character.
  const layout = await browser.execute(() => {
    const dialog = document.querySelector('[data-testid="profile-import"]').getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="import-candidate"] .reason')].map((r) => {
      const box = r.getBoundingClientRect();
      return { text: r.textContent, inside: box.width > 0 && box.left >= dialog.left && box.right <= dialog.right };
    });
  });
  assert.equal(layout.length, 9);
  for (const r of layout) assert.ok(r.inside, `reason shown inside the dialog: ${r.text}`);
  assert.match(reason('aliyun-cli:sneaky\u202eadmin'), /sneaky\\u\{202E\}admin/);
  await snap('profiles-import-mixed');

  await (await browser.$('[data-testid="import-run"]')).click();
  await (await browser.$('[data-testid="profile-import"]')).waitForExist({ reverse: true, timeout: 20000 });
  const message = await (await browser.$('[data-testid="profiles-message"]')).getText();
  assert.match(message, /Imported 2: good-ak, good-sts/);
  await browser.waitUntil(async () => (await rowNames()).includes('good-sts'), { timeout: 10000, timeoutMsg: 'the imported rows' });
  await snap('profiles-import-mixed-done');
});

test('a second import skips everything imported before', async () => {
  const before = (await rowNames()).length;
  const rows = await scan();
  for (const key of GOOD) {
    assert.equal(rows[key].checked, false, `${key} is not selected again`);
    assert.match(rows[key].text, /Imported before as good-/);
  }
  const run = await browser.$('[data-testid="import-run"]');
  assert.equal(await run.isEnabled(), false, 'nothing is selected, so nothing can be imported twice');
  assert.match(await run.getText(), /Import 0 profiles/);
  await snap('profiles-import-mixed-again');
  await browser.keys(['Escape']);
  await (await browser.$('[data-testid="profile-import"]')).waitForExist({ reverse: true, timeout: 10000 });
  assert.equal((await rowNames()).length, before);
});

test('the Terminal panel moves the plaintext key into the keychain after a preview', async () => {
  const original = readFileSync(configPath);
  const row = await browser.$('[data-testid="profile-row"][data-name="good-ak"]');
  await (await row.$('button[data-action="terminal"]')).click();
  const panel = await browser.$('[data-testid="profile-terminal-dialog"]');
  await panel.waitForDisplayed({ timeout: 10000 });
  await (await panel.$('button[data-action="aliyun-move"]')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="aliyun-move-candidate"]')).length > 0, {
    timeout: 10000,
    timeoutMsg: 'the move preview',
  });
  const text = await (await browser.$('[data-testid="aliyun-config-writes"]')).getText();
  assert.match(text, /good-ak/);
  assert.match(text, /Uses the existing EIP Desk profile “good-ak”/);
  assert.match(text, /eipdesk-cli credentials good-ak/);
  assert.ok(!text.includes('fake-secret-for-tests'), 'the preview masks secrets');
  assert.deepEqual(readFileSync(configPath), original, 'a preview writes nothing');
  await snap('profiles-aliyun-move-preview');
  await (await browser.$('button[data-action="aliyun-move-confirm"]')).click();
  await browser.waitUntil(async () => /Moved 1 into the keychain/.test(await (await browser.$('[data-testid="aliyun-config-writes"]')).getText()), {
    timeout: 15000,
    timeoutMsg: 'the move report',
  });
  await snap('profiles-aliyun-move-done');
  const doc = JSON.parse(readFileSync(configPath, 'utf8'));
  const entry = doc.profiles.find((p) => p && p.name === 'good-ak');
  assert.equal(entry.mode, 'External');
  assert.equal(entry.process_command, 'eipdesk-cli credentials good-ak');
  assert.equal(entry.access_key_secret, '');
  const backups = readdirSync(dirname(configPath)).filter((n) => n.startsWith('config.json.eipdesk-backup-'));
  assert.equal(backups.length, 1);
  assert.deepEqual(readFileSync(join(dirname(configPath), backups[0])), original, 'the backup is the original');
});
