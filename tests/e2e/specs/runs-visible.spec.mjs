// Runs are visible everywhere: with the sheet closed mid-run the header shows "1 run in
// progress" with the current step and links back to the timeline; the Activity page lists
// the run first; once the run completes the indicator goes away.
// Screenshots: the header indicator with the sheet closed, the Activity page during the run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, screenshot } from '../lib/app.mjs';
import { sandboxControl } from '../lib/sandbox.mjs';
import { openPage } from './tables.lib.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const EIP = 'eip-bp1nb6aclhifn05sewwg'; // free-c
const ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data: secondary, attached to web-01

let app;
let b;
const control = (path, method, body) => sandboxControl(app.home, path, method, body);

async function waitFor(sel, timeout = 30000) {
  const el = await b.$(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

before(async () => {
  app = await launchApp('runs-visible');
  b = app.browser;
  await b.setWindowSize(1280, 800).catch(() => {});
});
after(async () => {
  await app?.close();
});

test('a run keeps showing in the header and first on the Activity page after the sheet is closed', async () => {
  await control('delays', 'PUT', { associate_ms: 6000, detach_ms: 300, attach_ms: 300, unassociate_ms: 300 });
  await b.waitUntil(async () => (await b.$$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${EIP}"]`)).length > 0, { timeout: 60000 });
  await (await b.$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${EIP}"] td:first-child`)).doubleClick();
  await (await waitFor('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  const target = `[data-testid="choose-target"] [data-choice="${ENI}"] input`;
  await waitFor(target);
  await b.execute((sel) => document.querySelector(sel).click(), target);
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await waitFor('[data-warning="LosesPrivateNetworking"] input');
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  assert.equal((await b.$$('[data-testid="runs-indicator"]')).length, 0, 'no indicator before a run');
  await (await b.$('[data-testid="bind-run"]')).click();
  await waitFor('[data-testid="run-timeline"]');
  const runId = await (await b.$('[data-testid="run-timeline"]')).getAttribute('data-run');

  await (await b.$('[data-testid="bind-sheet"] header .close')).click();
  const indicator = await waitFor('[data-testid="runs-indicator"]');
  assert.equal(await indicator.getAttribute('data-count'), '1');
  assert.equal(await indicator.getAttribute('data-run'), runId);
  // The step it is on: the bind, held for 6 s by the emulator's delay.
  let step = '';
  await b.waitUntil(
    async () => {
      step = await b.execute(() => document.querySelector('[data-testid="runs-indicator-step"]')?.textContent ?? '');
      return /Bind .* in cut-through mode/.test(step);
    },
    { timeout: 20000, interval: 100, timeoutMsg: `the indicator never named the bind step (last: "${step}")` },
  );
  assert.match(await indicator.getText(), /1 run in progress/);
  // The rows of the resources it is changing say so, and their details offer no action.
  const busyRow = (table, attr, id) =>
    b.execute((sel) => {
      const tr = document.querySelector(sel);
      return tr ? { run: tr.getAttribute('data-busy'), aria: tr.getAttribute('aria-busy'), title: tr.getAttribute('title') } : null;
    }, `[data-testid="${table}"] tbody tr[${attr}="${id}"]`);
  const eipRow = await busyRow('eip-table', 'data-allocation-id', EIP);
  assert.equal(eipRow.run, runId);
  assert.equal(eipRow.aria, 'true');
  assert.match(eipRow.title, new RegExp(`Run ${runId} is changing it right now`));
  const bindButton = await b.$('[data-testid="details-panel"] button[data-action="bind-eip"]');
  await b.waitUntil(async () => !(await bindButton.isEnabled()), { timeout: 10000, timeoutMsg: 'the busy EIP still offers Bind' });
  await screenshot(b, 'runs-visible-01-header');
  await openPage(b, 'enis');
  await b.waitUntil(async () => (await busyRow('eni-table', 'data-eni-id', ENI))?.run === runId, {
    timeout: 10000,
    timeoutMsg: 'the ENI row does not show the run',
  });
  await screenshot(b, 'runs-visible-01b-eni-busy');

  await openPage(b, 'activity');
  await waitFor('[data-testid="runs-table"] tbody tr');
  const first = await b.execute(() => {
    const tr = document.querySelector('[data-testid="runs-table"] tbody tr');
    return { run: tr?.getAttribute('data-run'), inProgress: tr?.classList.contains('in-progress') };
  });
  assert.deepEqual(first, { run: runId, inProgress: true });
  await screenshot(b, 'runs-visible-02-activity');

  // The indicator links to the run's timeline.
  await (await b.$('[data-testid="runs-indicator"]')).click();
  await waitFor(`[data-testid="bind-sheet"] [data-testid="run-timeline"][data-run="${runId}"]`);
  await b.waitUntil(async () => (await b.$$('[data-testid="runs-indicator"]')).length === 0, {
    timeout: 60000,
    timeoutMsg: 'the indicator stayed after the run completed',
  });
  assert.equal(await (await b.$('[data-testid="run-timeline"]')).getAttribute('data-status'), 'completed');
  await control('delays', 'PUT', { associate_ms: 300, detach_ms: 300, attach_ms: 300, unassociate_ms: 300 });
});
