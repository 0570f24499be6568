// Export like a desktop app: "Export CSV…" opens the OS save dialog (GTK, driven with real key
// presses through tests/e2e/lib/save-dialog.mjs), starting in the app's export folder with a
// suggested name. Choosing an existing file asks before replacing it: declining leaves the file
// untouched and nothing is written; confirming replaces it. "Show in folder" is offered; the
// audit export takes the same road. Screenshots: the save dialog, the overwrite question and
// the outcome bar.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchApp, screenshot } from '../lib/app.mjs';
import { keys, typeFileName, waitForNoWindow, waitForWindow } from '../lib/save-dialog.mjs';
import { chooseScope, countText, openPage, waitForInventory } from './tables.lib.mjs';

let app;
let b;

before(async () => {
  app = await launchApp('export');
  b = app.browser;
  await b.setWindowSize(1280, 800).catch(() => {});
  // WebKit under Xvfb paints updates only once the window has had real input.
  const brand = await b.$('.brand');
  await brand.waitForExist({ timeout: 30000 });
  await brand.click();
  await chooseScope(b, 'all');
  await waitForInventory(b, 15);
});

after(async () => app?.close());

const outcome = (id) => b.execute((sel) => document.querySelector(sel)?.textContent.trim() ?? null, `[data-testid="${id}"]`);

async function startExport() {
  await (await b.$('[data-testid="eips-export-button"]')).click();
  return waitForWindow('^Export .* as CSV$');
}

test('the save dialog writes the rows shown, and asks before replacing a file', async () => {
  await openPage(b, 'eips');
  // The header's region scope narrows the rows (the tables have no region filter of their own).
  await chooseScope(b, 'cn-hangzhou');
  await b.waitUntil(async () => (await countText(b, 'eips')) === '8 EIPs', { timeout: 30000, timeoutMsg: 'the region scope did not apply' });

  // 1. A new file in the folder the dialog opens in (the app's own export folder here).
  await startExport();
  await screenshot(b, 'export-1-save-dialog');
  const folder = join(app.home, 'exports');
  const target = join(folder, 'hangzhou-eips.csv');
  await typeFileName(target);
  await keys('Return');
  await waitForNoWindow('^Export .* as CSV$');
  await b.waitUntil(async () => (await outcome('eips-exported')) !== null, { timeout: 10000, timeoutMsg: 'no export outcome shown' });
  const done = await outcome('eips-exported');
  assert.match(done, /^Exported 8 rows to .*hangzhou-eips\.csv/);
  assert.ok(await (await b.$('[data-testid="eips-exported-show"]')).isDisplayed(), '"Show in folder" offered');
  await screenshot(b, 'export-2-outcome');
  const lines = readFileSync(target, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + 8);

  // 2. The same file again: the dialog asks; declining keeps the file as it was.
  writeFileSync(target, 'precious,data\r\n');
  await startExport();
  await typeFileName(target);
  await keys('Return');
  await waitForWindow('^$|already exists|Replace|Confirm', 10000).catch(() => {});
  await screenshot(b, 'export-3-replace-question');
  await keys('Escape'); // "Cancel" in the question: back to the file chooser
  await new Promise((r) => setTimeout(r, 500));
  await waitForWindow('^Export .* as CSV$');
  await keys('Escape'); // cancel the dialog itself
  await waitForNoWindow('^Export .* as CSV$');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(readFileSync(target, 'utf8'), 'precious,data\r\n', 'declined: the file is untouched');
  assert.equal(await outcome('eips-exported'), null, 'a cancelled export reports nothing written');
  assert.equal(await outcome('eips-exported-error'), null, 'and no error');

  // 3. Again, and confirm: the file is replaced.
  await startExport();
  await typeFileName(target);
  await keys('Return');
  await new Promise((r) => setTimeout(r, 800));
  await keys('Return'); // "Replace" is the question's default button
  await waitForNoWindow('^Export .* as CSV$');
  await b.waitUntil(async () => (await outcome('eips-exported')) !== null, { timeout: 10000, timeoutMsg: 'no outcome after replacing' });
  assert.match(readFileSync(target, 'utf8'), /^\uFEFFIP address,/, 'confirmed: the file is replaced');
  assert.deepEqual(readdirSync(folder).sort(), ['hangzhou-eips.csv'], 'no stray or temporary files');
  await chooseScope(b, 'all');
  await waitForInventory(b, 15);
});

test('the audit log exports through the same dialog', async () => {
  await openPage(b, 'activity');
  await (await b.$('[data-testid="tab-audit"]')).click();
  await (await b.$('[data-testid="audit-export-json"]')).click();
  await waitForWindow('^Export the audit log$');
  const target = join(app.home, 'exports', 'audit');
  mkdirSync(join(app.home, 'exports'), { recursive: true });
  await typeFileName(target);
  await keys('Return');
  await waitForNoWindow('^Export the audit log$');
  await b.waitUntil(async () => (await outcome('audit-exported')) !== null, { timeout: 10000, timeoutMsg: 'no audit export outcome' });
  assert.match(await outcome('audit-exported'), /^Exported 0 entries to .*audit\.json/);
  assert.deepEqual(JSON.parse(readFileSync(`${target}.json`, 'utf8')), []);
});
