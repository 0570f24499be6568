// The resource tables in the real app on the Sandbox's demo data: the all-regions view lists
// every seeded resource, search narrows, sorting works both ways, the details panel links an
// ENI to its instance and its EIP (and back), the keyboard drives the table, CSV export
// writes the visible rows, column choices are remembered, and every table is captured in
// light and dark themes under target/e2e/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { keys, typeFileName, waitForWindow } from '../lib/save-dialog.mjs';
import { launchApp, screenshot } from '../lib/app.mjs';
import { chooseScope, chooseTheme, countText, ipKey, openPage, search, tableRows, waitForCount, waitForInventory } from './tables.lib.mjs';

// From the emulator's demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const HZ_EIP_CT_LIVE = 'eip-bp1hc0coj0qakbl6g1fp';
const HZ_EIP_WEB02_NAT = 'eip-bp1wq77vu6yj6wonggui';
const HZ_ENI_CT_LIVE = 'eni-bp1gxdqvi03v0soojvre';
const HZ_ENI_CT_READY_A = 'eni-bp1d5p1er7vm1633sh6l';
const HZ_ENI_MULTI_IP = 'eni-bp1d48usm0gpil1t04kh';
const HZ_I_WEB02 = 'i-bp10buq1bbp3ujg1s9bu';
const HZ_I_WEB01 = 'i-bp1rqn8y8lb6iy5x5nne';
const TOKYO_EIP_FREE = 'eip-6wecs7umjf3bpz9v3glj';
// Demo seed totals for the demo account: 15 regions.
const TOTAL = { eips: 24, enis: 46, instances: 21 };

let app;
let browser;
before(async () => {
  app = await launchApp('tables');
  browser = app.browser;
  // Wide enough for every default column: narrower windows drop columns by priority
  // (layout.spec covers those).
  await browser.setWindowSize(1920, 1080).catch(() => {});
  // WebKit under Xvfb paints updates only once the window has had real input.
  const brand = await browser.$('.brand');
  await brand.waitForExist({ timeout: 30000 });
  await brand.click();
  await chooseTheme(browser, 'light');
  await chooseScope(browser, 'all');
  await waitForInventory(browser, 15);
});
after(async () => {
  await app?.close();
});

async function clickRow(table, key) {
  // The first cell: the row's middle may be a link to another resource.
  const row = await browser.$(`[data-testid="${table}"] tbody tr[data-key="${key}"] td:first-child`);
  await row.waitForExist({ timeout: 10000 });
  await row.click();
}

/** Whether a row is entirely inside its table's scrolled viewport (below the header). */
async function rowInView(table, key) {
  return browser.execute(
    (t, k) => {
      const tr = document.querySelector(`[data-testid="${t}"] tbody tr[data-key="${k}"]`);
      const scroller = tr?.closest('.scroller');
      const head = document.querySelector(`[data-testid="${t}"] thead`);
      if (!tr || !scroller || !head) return false;
      const r = tr.getBoundingClientRect();
      const top = head.getBoundingClientRect().bottom;
      const bottom = scroller.getBoundingClientRect().top + scroller.clientHeight;
      return r.top >= top - 1 && r.bottom <= bottom + 1;
    },
    table,
    key,
  );
}

async function details() {
  const panel = await browser.$('[data-testid="details-panel"]');
  await panel.waitForExist({ timeout: 10000 });
  return panel;
}

test('the all-regions view lists the seeded resources of every region', async () => {
  assert.equal(await countText(browser, 'eips'), `${TOTAL.eips} EIPs`);
  const rows = await tableRows(browser, 'eip-table');
  assert.equal(rows.length, TOTAL.eips, 'all 24 rows fit the window and are rendered');
  assert.equal(new Set(rows.map((r) => r.region)).size, 15, 'rows from all 15 regions');
  const live = rows.find((r) => r.key === HZ_EIP_CT_LIVE);
  assert.ok(live.cells.boundTo.startsWith(HZ_ENI_CT_LIVE), live.cells.boundTo);
  assert.ok(live.cells.boundTo.includes('web-02'), 'the ENI is resolved to its instance');
  assert.equal(live.cells.mode, 'Cut-through');
  assert.ok(rows.some((r) => r.key === TOKYO_EIP_FREE && r.region === 'ap-northeast-1'));
  await screenshot(browser, 'tables-eips-light');

  await openPage(browser, 'enis');
  await waitForCount(browser, 'enis', `${TOTAL.enis} ENIs`);
  await screenshot(browser, 'tables-enis-light');
  await openPage(browser, 'instances');
  await waitForCount(browser, 'instances', `${TOTAL.instances} instances`);
  await screenshot(browser, 'tables-instances-light');
  await openPage(browser, 'eips');
});

test('search narrows the rows across every column', async () => {
  await search(browser, 'eips', '47.98.');
  await waitForCount(browser, 'eips', `8 of ${TOTAL.eips} EIPs`);
  assert.ok((await tableRows(browser, 'eip-table')).every((r) => r.cells.ip.startsWith('47.98.')));
  // Matches the resolved relation (an ENI attached to web-02) as well as the direct NAT binding.
  await search(browser, 'eips', 'web-02');
  await waitForCount(browser, 'eips', `2 of ${TOTAL.eips} EIPs`);
  const keys = (await tableRows(browser, 'eip-table')).map((r) => r.key).sort();
  assert.deepEqual(keys, [HZ_EIP_CT_LIVE, HZ_EIP_WEB02_NAT].sort());
  // Several terms must all match.
  await search(browser, 'eips', 'cut-through 47.98.80');
  await waitForCount(browser, 'eips', `1 of ${TOTAL.eips} EIPs`);
  await search(browser, 'eips', 'no-such-thing');
  await waitForCount(browser, 'eips', `0 of ${TOTAL.eips} EIPs`);
  assert.ok(await (await browser.$('[data-testid="eip-table-empty"]')).isDisplayed());
  await search(browser, 'eips', '');
  await waitForCount(browser, 'eips', `${TOTAL.eips} EIPs`);
});

test('sorting by a column orders the rows, both ways', async () => {
  const header = async (id) => browser.$(`[data-testid="eip-table"] th button[data-column="${id}"]`);
  const ips = async () => (await tableRows(browser, 'eip-table')).map((r) => ipKey(r.cells.ip));
  const sorted = (xs, dir) => [...xs].sort((a, b) => (dir === 'asc' ? a - b : b - a));
  // IP address ascending is the default; one click flips it.
  let now = await ips();
  assert.deepEqual(now, sorted(now, 'asc'));
  await (await header('ip')).click();
  await browser.waitUntil(async () => JSON.stringify(await ips()) === JSON.stringify(sorted(now, 'desc')), { timeout: 5000 });
  const th = await browser.$('[data-testid="eip-table"] th[aria-sort="descending"] button[data-column="ip"]');
  assert.ok(await th.isExisting(), 'aria-sort says descending');
  await (await header('region')).click();
  const regions = (await tableRows(browser, 'eip-table')).map((r) => r.region);
  assert.deepEqual(regions, [...regions].sort());
  await (await header('region')).click();
  const desc = (await tableRows(browser, 'eip-table')).map((r) => r.region);
  assert.deepEqual(desc, [...desc].sort().reverse());
  await (await header('ip')).click();
  now = await ips();
  assert.deepEqual(now, sorted(now, 'asc'));
});

test('the details panel links an ENI to its instance and its EIP, and back', async () => {
  await openPage(browser, 'enis');
  await search(browser, 'enis', HZ_ENI_CT_LIVE);
  await waitForCount(browser, 'enis', `1 of ${TOTAL.enis} ENIs`);
  await clickRow('eni-table', HZ_ENI_CT_LIVE);
  await browser.keys('Enter');
  const panel = await details();
  assert.equal(await panel.getAttribute('data-kind'), 'eni');
  const eligibility = await browser.$('[data-testid="eni-eligibility"]');
  assert.equal(await eligibility.getAttribute('data-verdict'), 'active');
  await screenshot(browser, 'tables-enis-details-light');

  // ENI → instance.
  await (await browser.$(`[data-testid="eni-related"] [data-testid="link-instance-${HZ_I_WEB02}"]`)).click();
  await browser.waitUntil(async () => (await (await details()).getAttribute('data-kind')) === 'instance', { timeout: 5000 });
  const selected = (await tableRows(browser, 'instance-table')).find((r) => r.selected);
  assert.equal(selected?.key, HZ_I_WEB02);
  assert.ok(await rowInView('instance-table', HZ_I_WEB02), 'the linked row is scrolled into view');
  const enis = await browser.$('[data-testid="instance-enis"]');
  assert.ok(await (await enis.$(`[data-testid="link-eni-${HZ_ENI_CT_LIVE}"]`)).isExisting());
  assert.match(await (await browser.$('[data-testid="eni-capacity"]')).getText(), /attached/);
  await screenshot(browser, 'tables-instances-details-light');

  // Instance → the ENI's EIP → the EIP's details name the ENI and the instance.
  await (await enis.$(`[data-testid="link-eip-${HZ_EIP_CT_LIVE}"]`)).click();
  await browser.waitUntil(async () => (await (await details()).getAttribute('data-kind')) === 'eip', { timeout: 5000 });
  const binding = await browser.$('[data-testid="eip-binding"]');
  assert.ok(await (await binding.$(`[data-testid="link-eni-${HZ_ENI_CT_LIVE}"]`)).isExisting());
  assert.ok(await (await binding.$(`[data-testid="link-instance-${HZ_I_WEB02}"]`)).isExisting());
  await screenshot(browser, 'tables-eips-details-light');

  // Eligibility shown for other ENIs, with the reason when not eligible.
  await openPage(browser, 'enis');
  await search(browser, 'enis', '');
  await clickRow('eni-table', HZ_ENI_CT_READY_A);
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await (await browser.$('[data-testid="eni-eligibility"]')).getAttribute('data-verdict')) === 'eligible', { timeout: 5000 });
  await clickRow('eni-table', HZ_ENI_MULTI_IP);
  await browser.waitUntil(async () => (await (await browser.$('[data-testid="eni-eligibility"]')).getAttribute('data-verdict')) === 'ineligible', { timeout: 5000 });
  assert.ok(await (await browser.$('[data-reason="hasSecondaryIps"]')).isExisting());
  await browser.keys('Escape');
  await browser.waitUntil(async () => !(await (await browser.$('[data-testid="details-panel"]')).isExisting()), { timeout: 5000 });
});

test('the keyboard moves the selection, opens details and focuses search', async () => {
  await openPage(browser, 'instances');
  await search(browser, 'instances', 'cn-hangzhou');
  await waitForCount(browser, 'instances', `6 of ${TOTAL.instances} instances`);
  const rows = await tableRows(browser, 'instance-table');
  await clickRow('instance-table', rows[0].key);
  await browser.keys('ArrowDown');
  await browser.keys('ArrowDown');
  let now = await tableRows(browser, 'instance-table');
  assert.equal(now.find((r) => r.selected)?.key, rows[2].key);
  await browser.keys('End');
  now = await tableRows(browser, 'instance-table');
  assert.equal(now.find((r) => r.selected)?.key, rows[rows.length - 1].key);
  await browser.keys('Home');
  await browser.keys('Enter');
  const panel = await details();
  assert.equal(await panel.getAttribute('data-kind'), 'instance');
  await browser.keys('Escape');
  await browser.keys(['Control', 'f']);
  const focused = await browser.execute(() => document.activeElement?.getAttribute('data-testid'));
  assert.equal(focused, 'instances-search');
  await search(browser, 'instances', '');
  // web-01 has its primary ENI and one secondary: 2 of 3 (ecs.g7.large allows 3).
  const web01 = (await tableRows(browser, 'instance-table')).find((r) => r.key === HZ_I_WEB01);
  assert.equal(web01.cells.enis, '2 / 3');
  assert.equal(web01.cells.eniFree, '1');
});

test('CSV export writes exactly the visible rows and columns', async () => {
  await openPage(browser, 'eips');
  // The header's region scope is the one region control (the tables have no region filter).
  assert.equal(await browser.execute(() => document.querySelector('[data-testid="eips-filter-region"]')), null);
  await chooseScope(browser, 'cn-hangzhou');
  await waitForCount(browser, 'eips', '8 EIPs');
  const shown = await tableRows(browser, 'eip-table');
  const headers = await browser.execute(() => [...document.querySelectorAll('[data-testid="eip-table"] thead th')].map((th) => th.textContent.trim()));
  // Columns dropped to fit the window are still exported (they are chosen, only not shown).
  const dropped = await browser.execute(() => document.querySelector('[data-testid="eip-table-fitted"]')?.getAttribute('title')?.split(', ') ?? []);
  await (await browser.$('[data-testid="eips-export-button"]')).click();
  await waitForWindow('^Export .* as CSV$');
  const target = join(app.home, 'exports', 'hangzhou-eips.csv');
  await typeFileName(target);
  await keys('Return');
  await browser.waitUntil(async () => existsSync(target), { timeout: 10000, timeoutMsg: 'no file written' });
  // The file can exist a moment before the command returns and the outcome shows.
  await browser.waitUntil(async () => browser.execute(() => !!document.querySelector('[data-testid="eips-exported"]')), { timeout: 10000, timeoutMsg: 'no export outcome shown' });
  const done = await browser.execute(() => document.querySelector('[data-testid="eips-exported"]')?.textContent ?? '');
  assert.ok(done.trim().startsWith('Exported 8 rows'), done);
  const lines = readFileSync(target, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + 8);
  assert.deepEqual(lines[0].split(',').filter((h) => !dropped.includes(h)), headers.map((h) => h.replace(/[▲▼]/g, '').trim()));
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), shown.map((r) => r.cells.ip));
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[1]), shown.map((r) => r.key));
  await chooseScope(browser, 'all');
  await waitForInventory(browser, 15);
  await waitForCount(browser, 'eips', `${TOTAL.eips} EIPs`);
});

test('columns can be hidden and reordered, and the choice is remembered', async () => {
  const headerIds = () => browser.execute(() => [...document.querySelectorAll('[data-testid="eip-table"] thead button[data-column]')].map((b) => b.getAttribute('data-column')));
  // Details closed: the table has the whole width.
  await browser.execute(() => document.querySelector('[data-testid="details-panel"] button.close')?.click());
  await browser.waitUntil(async () => browser.execute(() => !document.querySelector('[data-testid="details-panel"]') && !document.querySelector('[data-testid="eip-table-fitted"]')), {
    timeout: 5000,
    timeoutMsg: 'the EIP table never showed every column with the details closed',
  });
  const before = await headerIds();
  assert.deepEqual(before.slice(0, 5), ['ip', 'allocationId', 'status', 'boundTo', 'mode']);
  await (await browser.$('[data-testid="eips-columns-button"]')).click();
  await (await browser.$('[data-testid="eips-columns"] input[data-column="name"]')).click();
  await (await browser.$('[data-testid="eips-columns"] input[data-column="metering"]')).click();
  await (await browser.$('[data-testid="eips-columns"] button[aria-label="Move Mode up"]')).click();
  const after = await headerIds();
  assert.ok(!after.includes('name') && after.includes('metering'));
  assert.deepEqual(after.slice(3, 5), ['mode', 'boundTo']);
  await browser.refresh();
  await (await browser.$('[data-testid="eip-table"]')).waitForExist({ timeout: 30000 });
  await (await browser.$('.brand')).click();
  // The table fits its columns once it has measured its width.
  await browser.waitUntil(async () => JSON.stringify(await headerIds()) === JSON.stringify(after), { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await headerIds(), after, 'remembered across a reload');
  await (await browser.$('[data-testid="eips-columns-button"]')).click();
  await (await (await browser.$('[data-testid="eips-columns"]')).$('button=Reset')).click();
  await browser.waitUntil(async () => JSON.stringify(await headerIds()) === JSON.stringify(before), { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await headerIds(), before);
  await (await browser.$('[data-testid="eips-columns-button"]')).click();
  // The reload reset the scope to the default region; back to all regions for what follows.
  await chooseScope(browser, 'all');
  await waitForInventory(browser, 15);
});

test('every table in the dark theme', async () => {
  await chooseTheme(browser, 'dark');
  const bg = await browser.execute(() => getComputedStyle(document.documentElement).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 120, `dark background expected, got ${bg}`);
  for (const page of ['eips', 'enis', 'instances']) {
    await openPage(browser, page);
    await browser.pause(150);
    await screenshot(browser, `tables-${page}-dark`);
  }
  await openPage(browser, 'enis');
  await clickRow('eni-table', HZ_ENI_CT_LIVE);
  await browser.keys('Enter');
  await details();
  await screenshot(browser, 'tables-enis-details-dark');
  await chooseTheme(browser, 'light');
  const light = await browser.execute(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.ok(light.match(/\d+/g).map(Number).slice(0, 3).reduce((a, b) => a + b) > 600, `light background expected, got ${light}`);
  await chooseTheme(browser, 'system');
});
