// Region is never implicit: the bind sheet's first line names the profile, account and
// region it acts in; from "All regions" the header's "Bind EIP…" asks for the region first
// and lists only that region's resources once chosen; the plan names the region too.
// Screenshots: the sheet in a region, the region prompt, and the plan for cn-shanghai.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, screenshot } from '../lib/app.mjs';
import { chooseScope } from './tables.lib.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const HZ_EIP = 'eip-bp1vdcgzm41znfkjyd2x';
const SH_EIP = 'eip-uf6k2nlllp4uv94jdr1h';
const SH_ENI = 'eni-uf6unrb6oo1gjgx57rm4'; // cut-through ready, detached

let app;
let b;

const text = (sel) => b.execute((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', sel);

async function waitFor(sel, timeout = 30000) {
  const el = await b.$(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

async function choiceIds(list) {
  return b.execute((l) => [...document.querySelectorAll(`[data-testid="${l}"] [data-choice]`)].map((e) => e.getAttribute('data-choice')), list);
}

async function clickRadio(list, id) {
  await waitFor(`[data-testid="${list}"] [data-choice="${id}"]`);
  await b.execute((l, i) => document.querySelector(`[data-testid="${l}"] [data-choice="${i}"] input`).click(), list, id);
}

before(async () => {
  app = await launchApp('sheet-region');
  b = app.browser;
  await b.setWindowSize(1280, 800).catch(() => {});
});
after(async () => {
  await app?.close();
});

test('the sheet opened in a region names the profile, account and region on its first line', async () => {
  await chooseScope(b, 'cn-hangzhou');
  await (await waitFor('[data-testid="open-bind-sheet"]')).click();
  await waitFor('[data-testid="bind-sheet"] [data-testid="sheet-context"]');
  await b.waitUntil(async () => (await choiceIds('choose-eip')).includes(HZ_EIP), { timeout: 30000, timeoutMsg: 'no Hangzhou EIPs' });
  const line = await text('[data-testid="sheet-context"]');
  assert.match(line, /Profile Sandbox/);
  assert.match(line, /Account (\d{10,}|Sandbox demo account)/, line);
  assert.match(line, /Region .*cn-hangzhou/, line);
  // The context line is the sheet's first content, above the choices.
  const first = await b.execute(() => document.querySelector('[data-testid="bind-sheet"] .content')?.firstElementChild?.getAttribute('data-testid'));
  assert.equal(first, 'sheet-context');
  assert.equal(await text('[data-testid="production-banner"]'), '', 'the Sandbox is not production');
  await screenshot(b, 'sheet-region-01-hangzhou');
  await (await b.$('[data-testid="bind-sheet"] header .close')).click();
});

test('from "All regions" the header asks for the region first, then shows only its resources', async () => {
  await chooseScope(b, 'all');
  await (await waitFor('[data-testid="open-bind-sheet"]')).click();
  await waitFor('[data-testid="sheet-region-prompt"]');
  // Nothing to choose until a region is chosen: no silent default region.
  assert.equal((await b.$$('[data-testid="bind-choose"]')).length, 0);
  assert.equal(await (await b.$('[data-testid="sheet-region-select"]')).getValue(), '');
  await screenshot(b, 'sheet-region-02-prompt');

  await (await b.$('[data-testid="sheet-region-select"]')).selectByAttribute('value', 'cn-shanghai');
  await waitFor('[data-testid="bind-choose"]');
  await b.waitUntil(async () => (await choiceIds('choose-eip')).includes(SH_EIP), { timeout: 30000, timeoutMsg: 'no Shanghai EIPs' });
  const eips = await choiceIds('choose-eip');
  assert.ok(eips.every((id) => id.startsWith('eip-uf')), `only cn-shanghai EIPs: ${eips}`);
  assert.ok(!eips.includes(HZ_EIP));
  assert.equal(await b.$('[data-testid="sheet-context"]').getAttribute('data-region'), 'cn-shanghai');

  // A cut-through bind in Shanghai: the plan names the region, and the line no longer offers
  // a change of region.
  await clickRadio('choose-eip', SH_EIP);
  await clickRadio('choose-target', SH_ENI);
  await b.waitUntil(async () => !(await (await b.$('[data-testid="bind-check"]')).getAttribute('disabled')), { timeout: 30000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await waitFor('[data-testid="bind-plan"] h3');
  assert.match(await text('[data-testid="bind-plan"] h3'), /cn-shanghai/);
  assert.match(await text('[data-testid="sheet-region"]'), /cn-shanghai/);
  assert.equal((await b.$$('[data-testid="sheet-region-select"]')).length, 0);
  await screenshot(b, 'sheet-region-03-plan-shanghai');
});
