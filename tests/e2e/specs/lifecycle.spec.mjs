// Lifecycle end to end in the real app, from the tables: allocate an EIP, then from an
// instance that had neither an EIP nor a secondary ENI, create a secondary ENI and bind the
// new EIP to it in cut-through mode (one composite run); undo the binding, detach, release
// the EIP and delete the ENI; finally tag three EIPs at once (one confirmation, per-step
// results). Screenshots of each form, plan and result.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eipRows, launchApp, screenshot } from '../lib/app.mjs';
import { chooseScope, openPage } from './tables.lib.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const STAGE01 = 'i-bp17wlijlai6or3u4zin'; // stage-01: Running, staging VPC, no EIP, no secondary ENI
const FREE = ['eip-bp1vdcgzm41znfkjyd2x', 'eip-bp1fovp2j693unptht0g', 'eip-bp1nb6aclhifn05sewwg'];

let app;
let b;
let newEip;
let newEni;

const $ = (sel) => b.$(sel);
const text = (sel) => b.execute((s) => document.querySelector(s)?.textContent ?? '', sel);

async function waitFor(sel, timeout = 30000) {
  const el = await $(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

async function eniIds() {
  return b.execute(() => [...document.querySelectorAll('[data-testid="eni-table"] tbody tr')].map((tr) => tr.getAttribute('data-eni-id')));
}

async function selectRow(testid, attr, id) {
  await b.waitUntil(async () => (await b.$$(`[data-testid="${testid}"] tbody tr[${attr}="${id}"]`)).length > 0, {
    timeout: 60000,
    timeoutMsg: `${id} never showed in ${testid}`,
  });
  await (await $(`[data-testid="${testid}"] tbody tr[${attr}="${id}"] td:first-child`)).doubleClick();
  await waitFor('[data-testid="details-panel"]');
}

async function setField(sel, value) {
  await b.execute(
    (s, v) => {
      const el = document.querySelector(s);
      el.value = v;
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    },
    sel,
    value,
  );
}

/** Check & plan, tick every warning, run, and wait for the run's end. */
async function planAndRun(name, expected = 'completed') {
  await (await waitFor('[data-testid="lc-check"]')).click();
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-testid="lifecycle-sheet"]')?.getAttribute('data-stage'))) === 'plan', { timeout: 30000 });
  const blockers = await text('[data-testid="lc-blockers"]');
  assert.equal(blockers, '', `preflight refused: ${blockers}`);
  await b.execute(() => document.querySelectorAll('[data-testid="lc-warning"]').forEach((c) => c.checked || c.click()));
  await screenshot(b, `lifecycle-${name}-plan`);
  await (await $('[data-testid="lc-run"]')).click();
  await b.waitUntil(
    async () => (await b.execute(() => document.querySelector('[data-testid="lc-run-status"]')?.getAttribute('data-status'))) === expected,
    { timeout: 60000, interval: 150, timeoutMsg: `the run never became ${expected}: ${await text('[data-testid="lc-run-status"]')}` },
  );
  await screenshot(b, `lifecycle-${name}-done`);
  const results = await text('[data-testid="lc-results"]');
  await (await $('[data-testid="lc-close"]')).click();
  return results;
}

before(async () => {
  app = await launchApp('lifecycle');
  b = app.browser;
  await b.setWindowSize(1400, 900).catch(() => {});
  await chooseScope(b, 'cn-hangzhou');
});
after(async () => {
  await app?.close();
});

test('allocate an EIP from the EIP table', async () => {
  await openPage(b, 'eips');
  await b.waitUntil(async () => (await eipRows(b)).length > 3, { timeout: 60000 });
  const before = new Set((await eipRows(b)).map((r) => r.allocationId));
  await (await waitFor('[data-testid="lc-create"][data-job="allocateEip"]')).click();
  await waitFor('[data-testid="lifecycle-sheet"][data-stage="form"]');
  // Like the bind sheet, its first line names where the calls go.
  const where = await b.execute(() => {
    const c = document.querySelector('[data-testid="lifecycle-sheet"] [data-testid="sheet-context"]');
    return c && { region: c.getAttribute('data-region'), profile: c.querySelector('[data-testid="sheet-profile"]')?.textContent, production: c.getAttribute('data-production') };
  });
  assert.deepEqual(where, { region: 'cn-hangzhou', profile: 'Sandbox', production: 'false' });
  await setField('[data-testid="lc-bandwidth"]', '10');
  await setField('[data-testid="lc-name"]', 'e2e-new');
  await screenshot(b, 'lifecycle-allocate-form');
  await planAndRun('allocate');
  await b.waitUntil(
    async () => {
      newEip = (await eipRows(b)).map((r) => r.allocationId).find((id) => !before.has(id));
      return !!newEip;
    },
    { timeout: 30000, interval: 300, timeoutMsg: 'the new EIP never showed in the table' },
  );
});

test('create a secondary ENI and bind the new EIP in cut-through mode on an instance that had neither', async () => {
  await openPage(b, 'enis');
  await b.waitUntil(async () => (await eniIds()).length > 3, { timeout: 60000 });
  const before = new Set(await eniIds());
  await (await waitFor('[data-testid="lc-create"][data-job="createAndBind"]')).click();
  await waitFor('[data-testid="lc-instance"] option[value="' + STAGE01 + '"]');
  await setField('[data-testid="lc-instance"]', STAGE01);
  await b.execute((id) => {
    const input = [...document.querySelectorAll('[data-testid="lifecycle-form"] label')].find((l) => l.textContent.includes('Existing free EIP')).querySelector('input');
    input.value = id;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, newEip);
  await setField('[data-testid="lc-name"]', 'e2e-ct');
  await screenshot(b, 'lifecycle-compose-form');
  await (await waitFor('[data-testid="lc-check"]')).click();
  await waitFor('[data-testid="lc-steps"]');
  const steps = await text('[data-testid="lc-steps"]');
  assert.match(steps, /Create a secondary ENI/);
  assert.match(steps, /AssociateEipAddress/);
  assert.match(steps, /AttachNetworkInterface/);
  await b.execute(() => document.querySelector('[data-testid="lifecycle-sheet"] .content').scrollTo(0, 0));
  await planAndRunFromPlan('compose');
  await b.waitUntil(
    async () => {
      newEni = (await eniIds()).find((id) => !before.has(id));
      return !!newEni;
    },
    { timeout: 30000, interval: 300, timeoutMsg: 'the new ENI never showed in the table' },
  );
  await openPage(b, 'eips');
  await b.waitUntil(
    async () => {
      const row = (await eipRows(b)).find((r) => r.allocationId === newEip);
      return row && row.status === 'InUse';
    },
    { timeout: 30000, interval: 300, timeoutMsg: 'the new EIP never showed InUse' },
  );
});

/** The plan is already shown: tick, run, wait. */
async function planAndRunFromPlan(name) {
  await b.execute(() => document.querySelectorAll('[data-testid="lc-warning"]').forEach((c) => c.checked || c.click()));
  await screenshot(b, `lifecycle-${name}-plan`);
  await (await $('[data-testid="lc-run"]')).click();
  await b.waitUntil(
    async () => (await b.execute(() => document.querySelector('[data-testid="lc-run-status"]')?.getAttribute('data-status'))) === 'completed',
    { timeout: 60000, interval: 150, timeoutMsg: `the run never completed: ${await text('[data-testid="lc-run-status"]')}` },
  );
  await screenshot(b, `lifecycle-${name}-done`);
  await (await $('[data-testid="lc-close"]')).click();
}

test('undo the binding, detach, then release the EIP and delete the ENI', async () => {
  await selectRow('eip-table', 'data-allocation-id', newEip);
  await (await waitFor('[data-testid="details-panel"] button[data-action="unbind-eip"]')).click();
  await waitFor('[data-testid="bind-sheet"][data-stage="choose"]');
  await (await waitFor('[data-testid="bind-check"]')).click();
  await waitFor('[data-testid="plan-steps"]');
  await b.execute(() => document.querySelectorAll('[data-warning] input[type="checkbox"]').forEach((c) => c.checked || c.click()));
  await (await $('[data-testid="bind-run"]')).click();
  await b.waitUntil(
    async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === 'completed',
    { timeout: 60000, interval: 150, timeoutMsg: 'the undo never completed' },
  );
  await screenshot(b, 'lifecycle-undo-done');
  await b.execute(() => document.querySelector('[data-testid="bind-sheet"] .close')?.click());

  await openPage(b, 'enis');
  await selectRow('eni-table', 'data-eni-id', newEni);
  const attached = await b.execute(() => !!document.querySelector('[data-testid="lc-action"][data-job="detachEni"]'));
  if (attached) {
    await (await $('[data-testid="lc-action"][data-job="detachEni"]')).click();
    await planAndRun('detach');
  }
  await b.waitUntil(async () => b.execute(() => !!document.querySelector('[data-testid="lc-action"][data-job="deleteEni"]')), { timeout: 20000 });
  await (await $('[data-testid="lc-action"][data-job="deleteEni"]')).click();
  await planAndRun('delete-eni');
  await b.waitUntil(async () => !(await eniIds()).includes(newEni), { timeout: 30000, interval: 300, timeoutMsg: 'the ENI is still listed' });

  await openPage(b, 'eips');
  await selectRow('eip-table', 'data-allocation-id', newEip);
  await (await waitFor('[data-testid="lc-action"][data-job="releaseEip"]')).click();
  await planAndRun('release');
  await b.waitUntil(async () => !(await eipRows(b)).some((r) => r.allocationId === newEip), {
    timeout: 30000,
    interval: 300,
    timeoutMsg: 'the EIP is still listed',
  });
});

test('the bind sheet offers to create what the instance lacks, in the same plan', async () => {
  await selectRow('eip-table', 'data-allocation-id', FREE[0]);
  await (await waitFor('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  await waitFor('[data-testid="bind-sheet"][data-stage="choose"]');
  await (await waitFor('[data-testid="bind-create-first"]')).click();
  await waitFor('[data-testid="lifecycle-sheet"][data-job="createAndBind"]');
  const eip = await b.execute(() => {
    const label = [...document.querySelectorAll('[data-testid="lifecycle-form"] label')].find((l) => l.textContent.includes('Existing free EIP'));
    return label.querySelector('input').value;
  });
  assert.equal(eip, FREE[0], 'the EIP chosen in the bind sheet carries over');
  await screenshot(b, 'lifecycle-from-bind-sheet');
  await b.execute(() => document.querySelector('[data-testid="lifecycle-sheet"] .close').click());
});

test('bulk-tag three EIPs with one confirmation', async () => {
  await selectRow('eip-table', 'data-allocation-id', FREE[0]);
  await (await waitFor('[data-testid="lc-action"][data-job="addTags"]')).click();
  await waitFor('[data-testid="lifecycle-sheet"][data-stage="form"]');
  for (const id of FREE.slice(1)) {
    await b.execute((i) => document.querySelector(`[data-testid="lc-id"][data-id="${i}"]`).click(), id);
  }
  const chosen = await b.execute(() => [...document.querySelectorAll('[data-testid="lc-id"]')].filter((c) => c.checked).map((c) => c.getAttribute('data-id')));
  assert.deepEqual(chosen.sort(), [...FREE].sort());
  await setField('[data-testid="lc-tag-key"]', 'team');
  await setField('[data-testid="lc-tag-value"]', 'edge');
  await screenshot(b, 'lifecycle-tags-form');
  const results = await planAndRun('tags');
  // One step for the batch (one TagResources call), done, naming the resources.
  assert.match(results, /Tag eip-\S+ and 2 more with team=edge — done/);
});
