// Crash test: the real app is killed (SIGKILL) while a cut-through run waits for the EIP to
// become InUse, with the ENI detached from its instance. On the next start, with the same data
// directory, the run is offered for Resume / Roll back; resuming completes it without sending
// the association again.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { eipRows, launchApp, screenshot } from '../lib/app.mjs';
import { appPids, sandboxControl } from '../lib/sandbox.mjs';
import { openPage } from './tables.lib.mjs';

const EIP = 'eip-bp1fovp2j693unptht0g'; // free-b, Available
const ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data, attached to web-01
const WEB01 = 'i-bp1rqn8y8lb6iy5x5nne';

const home = mkdtempSync(join(process.env.E2E_SCRATCH, 'home-crash-'));
let session = null;

/** Starts the app on `home` (kept across launches, so the restart sees the same journal). */
async function launch() {
  const app = await launchApp('crash', { home });
  await app.browser.setWindowSize(1400, 900).catch(() => {});
  return app;
}

async function end(s) {
  await s.close();
}

const control = (path, method, body) => sandboxControl(home, path, method, body);

after(async () => {
  if (session) await end(session);
});

test('a run killed mid-way is offered for resume on the next start and completes', async () => {
  session = await launch();
  let b = session.browser;
  const rowSel = `[data-testid="eip-table"] tbody tr[data-allocation-id="${EIP}"]`;
  await b.waitUntil(async () => (await b.$$(rowSel)).length > 0, { timeout: 60000, timeoutMsg: 'no EIP table' });
  // The association takes 8 s in the Sandbox: long enough to kill the app while it waits.
  await control('delays', 'PUT', { associate_ms: 8000, detach_ms: 300, attach_ms: 300, unassociate_ms: 300 });
  await (await b.$(`${rowSel} td:first-child`)).doubleClick();
  await (await b.$('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  const eniChoice = `[data-testid="choose-target"] [data-choice="${ENI}"] input`;
  await (await b.$(eniChoice)).waitForExist({ timeout: 30000 });
  await b.execute((s) => document.querySelector(s).click(), eniChoice);
  await b.waitUntil(
    async () => b.execute((i) => document.querySelector(`[data-testid="choose-attach"] [data-choice="${i}"] input`)?.checked === true, WEB01),
    { timeout: 20000, timeoutMsg: 'attach target not defaulted' },
  );
  await (await b.$('[data-testid="bind-check"]')).click();
  await (await b.$('[data-warning="LosesPrivateNetworking"] input')).waitForExist({ timeout: 30000 });
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  await (await b.$('[data-testid="bind-run"]')).click();
  await b.waitUntil(
    async () => b.execute(() => document.querySelector('[data-testid="run-timeline"] li[data-step="1"]')?.getAttribute('data-status') === 'waiting'),
    { timeout: 30000, interval: 50, timeoutMsg: 'the association never reached its wait' },
  );
  await screenshot(b, 'crash-1-before-kill');

  const pids = appPids(home);
  assert.equal(pids.length, 1, `exactly one app process on this data directory, found ${pids}`);
  process.kill(pids[0], 'SIGKILL');
  await b.waitUntil(async () => appPids(home).length === 0, { timeout: 10000, timeoutMsg: 'the app did not die' }).catch(() => {});
  assert.deepEqual(appPids(home), []);
  await end(session);

  session = await launch();
  b = session.browser;
  const banner = await b.$('[data-testid="interrupted-runs"]');
  await banner.waitForExist({ timeout: 60000, timeoutMsg: 'the interrupted run was not offered after the restart' });
  assert.equal(appPids(home).length, 1, 'one app on the data directory after the restart');
  await banner.waitForExist({ timeout: 60000, timeoutMsg: 'the interrupted run was not offered after the restart' });
  assert.match(await banner.getText(), /Interrupted/);
  assert.ok(await (await b.$('[data-testid="interrupted-rollback"]')).isExisting(), 'Roll back is offered');
  await screenshot(b, 'crash-2-offered');
  await (await b.$('[data-testid="interrupted-resume"]')).click();
  await b
    .waitUntil(
      async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === 'completed',
      { timeout: 60000, interval: 200, timeoutMsg: 'the resumed run did not complete' },
    )
    .catch(async (e) => {
      await screenshot(b, 'crash-3-failed');
      const shown = await b.execute(() => document.querySelector('[data-testid="bind-sheet"]')?.textContent ?? 'no sheet');
      throw new Error(`${e.message}; the sheet shows: ${shown.slice(0, 600)}`);
    });
  await screenshot(b, 'crash-3-resumed');

  // The restarted Sandbox never saw a second AssociateEipAddress; the audit log has one.
  const sent = (await control('requests')).requests.map((e) => e.action);
  assert.ok(!sent.includes('AssociateEipAddress'), `no association after the restart: ${sent}`);
  assert.ok(!sent.includes('DetachNetworkInterface'), 'no second detach either');
  assert.ok(sent.includes('AttachNetworkInterface'));
  await b.execute(() => document.querySelector('[data-testid="bind-sheet"] .close')?.click());
  await openPage(b, 'activity');
  await (await b.$('[data-testid="tab-audit"]')).click();
  await (await b.$('[data-testid="audit-table"] tbody tr[data-action]')).waitForExist({ timeout: 20000 });
  const actions = await b.execute(() => [...document.querySelectorAll('[data-testid="audit-table"] tbody tr[data-action]')].map((tr) => tr.getAttribute('data-action')));
  // Each call once, the guest steps (configure, verify through Cloud Assistant) included.
  assert.deepEqual(actions.reverse(), ['DetachNetworkInterface', 'AssociateEipAddress', 'AttachNetworkInterface', 'RunCommand', 'RunCommand']);
  await openPage(b, 'eips');
  await b.waitUntil(
    async () => {
      const row = (await eipRows(b)).find((r) => r.allocationId === EIP);
      return row && row.status === 'InUse' && row.mode === 'Cut-through' && row.boundTo.startsWith(ENI);
    },
    { timeout: 30000, interval: 200, timeoutMsg: 'the EIP never showed bound in cut-through mode' },
  );
});
