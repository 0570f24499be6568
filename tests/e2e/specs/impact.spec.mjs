// Every disruptive job is confirmed for what it breaks, on a non-production profile (the
// Sandbox): unbinding a NAT EIP from a running instance, switching an ENI's EIP to
// cut-through, and rolling back a run that waits for a decision each show what loses
// connectivity, and the button stays disabled until that is acknowledged.
// Screenshots: the unbind plan's impact block, the switch plan, the roll back confirmation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, screenshot } from '../lib/app.mjs';
import { sandboxControl } from '../lib/sandbox.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const WEB02_NAT = 'eip-bp1wq77vu6yj6wonggui'; // NAT on web-02 (an ECS instance)
const WEB02 = 'i-bp10buq1bbp3ujg1s9bu';
const NAT_ENI_EIP = 'eip-bp1sxlr97qcr54sh1ht4'; // NAT on eni-nat
const FREE_B = 'eip-bp1fovp2j693unptht0g';
const ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data: secondary, attached to web-01

let app;
let b;
const control = (path, method, body) => sandboxControl(app.home, path, method, body);

async function waitFor(sel, timeout = 30000) {
  const el = await b.$(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

async function clickRadio(list, id) {
  await waitFor(`[data-testid="${list}"] [data-choice="${id}"]`);
  await b.execute((l, i) => document.querySelector(`[data-testid="${l}"] [data-choice="${i}"] input`).click(), list, id);
}

async function openRowAction(allocationId, action) {
  await b.waitUntil(async () => (await b.$$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${allocationId}"]`)).length > 0, { timeout: 60000 });
  await (await b.$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${allocationId}"] td:first-child`)).doubleClick();
  await (await waitFor(`[data-testid="details-panel"] button[data-action="${action}"]`)).click();
  await waitFor('[data-testid="bind-sheet"][data-stage="choose"]');
}

const impact = () =>
  b.execute(() => [...document.querySelectorAll('[data-testid="plan-impact"] li')].map((li) => ({ kind: li.getAttribute('data-kind'), lasts: li.getAttribute('data-lasts'), resource: li.getAttribute('data-resource') })));
const runEnabled = async () => (await b.$('[data-testid="bind-run"]')).isEnabled();

async function closeSheet() {
  await (await b.$('[data-testid="bind-sheet"] header .close')).click();
  await b.waitUntil(async () => (await b.$$('[data-testid="bind-sheet"]')).length === 0, { timeout: 10000 });
}

before(async () => {
  app = await launchApp('impact');
  b = app.browser;
  await b.setWindowSize(1280, 900).catch(() => {});
});
after(async () => {
  await app?.close();
});

test('unbinding a NAT EIP from an instance shows the lost public IP and needs an acknowledgement', async () => {
  await openRowAction(WEB02_NAT, 'unbind-eip');
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await waitFor('[data-testid="plan-impact"]');
  assert.deepEqual(await impact(), [{ kind: 'publicIp', lasts: 'afterRun', resource: WEB02 }]);
  // The impact comes before the steps.
  const order = await b.execute(() => {
    const i = document.querySelector('[data-testid="plan-impact"]');
    const s = document.querySelector('[data-testid="plan-steps"]');
    return !!(i.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'the impact block is above the steps');
  assert.equal(await runEnabled(), false, 'not runnable before the acknowledgement');
  await screenshot(b, 'impact-01-unbind-nat');
  await b.execute(() => document.querySelector('[data-warning="Disruptive"] input').click());
  assert.equal(await runEnabled(), true);
  await closeSheet();
});

test('switching an ENI binding to cut-through shows the lost private networking', async () => {
  await openRowAction(NAT_ENI_EIP, 'switch-eip');
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await waitFor('[data-testid="plan-impact"]');
  const kinds = (await impact()).map((i) => i.kind);
  assert.ok(kinds.includes('privateNetworking'), JSON.stringify(kinds));
  assert.equal(await runEnabled(), false);
  await screenshot(b, 'impact-02-switch');
  await b.execute(() => document.querySelectorAll('[data-testid="plan-warnings"] input[type="checkbox"]').forEach((i) => i.click()));
  assert.equal(await runEnabled(), true);
  await closeSheet();
});

test('rolling back a run that waits for a decision says what it breaks, then does it', async () => {
  await control('faults', 'PUT', {
    seed: 1,
    rules: [{ action: 'AttachNetworkInterface', error_code: 'InvalidParameter', message: 'Injected by the end-to-end test.', error_rate: 1.0 }],
  });
  await openRowAction(FREE_B, 'bind-eip');
  await clickRadio('choose-target', ENI);
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await waitFor('[data-warning="LosesPrivateNetworking"] input');
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  await (await b.$('[data-testid="bind-run"]')).click();
  await b.waitUntil(
    async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === 'waitingForDecision',
    { timeout: 90000, interval: 200, timeoutMsg: 'the run never waited for a decision' },
  );
  await (await b.$('[data-testid="run-rollback"]')).click();
  await waitFor('[data-testid="impact-confirm"]');
  const listed = await b.execute(() => [...document.querySelectorAll('[data-testid="impact-list"] li')].map((li) => [li.getAttribute('data-kind'), li.getAttribute('data-resource')]));
  assert.deepEqual(listed, [['publicIp', ENI]]);
  assert.equal(await (await b.$('[data-testid="impact-confirm-go"]')).isEnabled(), false);
  await screenshot(b, 'impact-03-rollback-confirm');
  await control('faults', 'PUT', { seed: 0, rules: [] });
  await b.execute(() => document.querySelector('[data-testid="impact-ack"]').click());
  await (await b.$('[data-testid="impact-confirm-go"]')).click();
  await b.waitUntil(
    async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === 'rolledBack',
    { timeout: 90000, interval: 200, timeoutMsg: 'the roll back did not finish' },
  );
  await screenshot(b, 'impact-04-rolled-back');
});
