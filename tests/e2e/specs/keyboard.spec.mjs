// The whole cut-through bind and its undo with the keyboard alone (issue 15): the command
// palette finds the EIP and runs its "Bind EIP…" action, Tab and the arrow keys fill the
// sheet, Space confirms the warnings, Enter runs; then "Undo this binding…" the same way.
// No mouse event reaches the page (counted from the first key press to the end). Then a
// switch of mode, which offers its own undo (switch back), also by keyboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, screenshot } from '../lib/app.mjs';
import { FREE_EIP, SECONDARY_ENI, resize, waitFor } from './views.lib.mjs';

const WEB01 = 'i-bp1rqn8y8lb6iy5x5nne';
const NAT_ENI_EIP = 'eip-bp1sxlr97qcr54sh1ht4'; // NAT on eni-nat

let app;
let b;
before(async () => {
  app = await launchApp('keyboard');
  b = app.browser;
  await resize(b, 1280, 800);
  await waitFor(b, '[data-testid="eip-table"]');
  // Count every mouse and pointer event from here on: the spec must cause none.
  await b.execute(() => {
    window.__mouseEvents = 0;
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'contextmenu']) {
      window.addEventListener(type, () => (window.__mouseEvents += 1), true);
    }
  });
});
after(async () => {
  await app?.close();
});

const activeMatches = (sel) => b.execute((s) => !!document.activeElement?.matches(s), sel);

/** Presses Tab until the focused element matches `sel`. */
async function tabTo(sel, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await activeMatches(sel)) return i;
    await b.keys('Tab');
  }
  throw new Error(`Tab never reached ${sel}; focus is on ${await b.execute(() => document.activeElement?.outerHTML.slice(0, 160))}`);
}

async function palette(text, key) {
  await b.keys(['Control', 'p']);
  await waitFor(b, '[data-testid="command-palette"]');
  await b.keys([...text]);
  await waitFor(b, `[data-testid="command-palette"] li[data-key="${key}"]`, 15000);
  for (let i = 0; i < 20; i++) {
    const at = await b.execute(() => document.querySelector('[data-testid="command-palette"] li[aria-selected="true"]')?.getAttribute('data-key'));
    if (at === key) break;
    await b.keys('ArrowDown');
  }
  await b.keys('Enter');
}

async function confirmWarnings() {
  const codes = await b.execute(() => [...document.querySelectorAll('[data-testid="plan-warnings"] [data-warning] input[type="checkbox"]')].map((i) => i.closest('[data-warning]').getAttribute('data-warning')));
  for (const code of codes) {
    await tabTo(`[data-warning="${code}"] input`);
    await b.keys('Space');
  }
  return codes;
}

async function waitRun(status, timeout = 60000) {
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === status, {
    timeout,
    interval: 100,
    timeoutMsg: `the run never became ${status}`,
  });
}

test('cut-through bind with the keyboard alone', async () => {
  // Find the EIP by its ID from anywhere, and open it.
  await palette(FREE_EIP, `eip:${FREE_EIP}`);
  await b.waitUntil(async () => b.execute((id) => document.querySelector('[data-testid="details-panel"] h2')?.textContent.includes(id), FREE_EIP), { timeout: 30000, timeoutMsg: 'the palette did not open the EIP' });
  // Its row action, from the palette too.
  await palette('bind eip', 'action:bind-eip');
  await waitFor(b, '[data-testid="bind-sheet"][data-stage="choose"]');
  assert.ok(await b.execute(() => !!document.activeElement?.closest('[data-testid="bind-sheet"]')), 'focus starts in the sheet');
  // Into the target list, then arrows until the secondary ENI of web-01 is chosen.
  await waitFor(b, `[data-testid="choose-target"] [data-choice="${SECONDARY_ENI}"]`);
  await tabTo('[data-testid="choose-target"] input[type="radio"]');
  for (let i = 0; i < 60; i++) {
    if (await b.execute((id) => document.querySelector(`[data-testid="choose-target"] [data-choice="${id}"] input`).checked, SECONDARY_ENI)) break;
    await b.keys('ArrowDown');
  }
  assert.equal(await b.execute((id) => document.querySelector(`[data-testid="choose-target"] [data-choice="${id}"] input`).checked, SECONDARY_ENI), true);
  await b.waitUntil(async () => b.execute((i) => document.querySelector(`[data-testid="choose-attach"] [data-choice="${i}"] input`)?.checked === true, WEB01), { timeout: 20000 });
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await tabTo('[data-testid="bind-check"]');
  await b.keys('Enter');
  await waitFor(b, '[data-testid="plan-steps"]');
  await b.waitUntil(async () => (await b.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'plan-summary', {
    timeout: 5000,
    timeoutMsg: 'the plan did not open at its summary',
  });
  const codes = await confirmWarnings();
  assert.ok(codes.includes('LosesPrivateNetworking'), codes.join());
  await tabTo('[data-testid="bind-run"]');
  await b.keys('Enter');
  await waitRun('completed');
  await screenshot(b, 'keyboard-1-bound');
});

test('its undo with the keyboard alone, and no mouse event at all', async () => {
  await tabTo('[data-testid="run-undo"]');
  await b.keys('Enter');
  await waitFor(b, '[data-testid="bind-sheet"][data-stage="choose"]');
  assert.equal(await b.execute(() => document.querySelector('[data-testid="bind-sheet-title"]').textContent), 'Unbind EIP', 'the sheet is titled for the job');
  await b.waitUntil(async () => b.execute((i) => document.querySelector(`[data-testid="choose-attach"] [data-choice="${i}"] input`)?.checked === true, WEB01), { timeout: 20000 });
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await tabTo('[data-testid="bind-check"]');
  await b.keys('Enter');
  await waitFor(b, '[data-testid="plan-steps"]');
  const apis = await b.execute(() => [...document.querySelectorAll('[data-testid="plan-steps"] > li')].map((li) => li.getAttribute('data-api')));
  // The bind configured the guest (on by default on the Sandbox): the undo restores it first.
  assert.deepEqual(apis, ['RunCommand', 'DetachNetworkInterface', 'UnassociateEipAddress', 'AttachNetworkInterface', 'Verify']);
  await confirmWarnings();
  await tabTo('[data-testid="bind-run"]');
  await b.keys('Enter');
  await waitRun('completed');
  await screenshot(b, 'keyboard-2-undone');
  assert.equal(await b.execute(() => window.__mouseEvents), 0, 'no mouse or pointer event reached the page');
});

/** Check and plan, confirm every warning, run, and wait for the run to complete. */
async function checkAndRun() {
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await tabTo('[data-testid="bind-check"]');
  await b.keys('Enter');
  await waitFor(b, '[data-testid="plan-steps"]');
  await confirmWarnings();
  await tabTo('[data-testid="bind-run"]');
  await b.keys('Enter');
  await waitRun('completed');
}

test('a switch of mode offers its undo: switching back', async () => {
  await b.keys('Escape');
  await b.waitUntil(async () => b.execute(() => !document.querySelector('[data-testid="bind-sheet"]')), { timeout: 5000 });
  await palette(NAT_ENI_EIP, `eip:${NAT_ENI_EIP}`);
  await b.waitUntil(async () => b.execute((id) => document.querySelector('[data-testid="details-panel"] h2')?.textContent.includes(id), NAT_ENI_EIP), { timeout: 30000 });
  await palette('switch mode', 'action:switch-eip');
  await waitFor(b, '[data-testid="bind-sheet"][data-stage="choose"]');
  assert.equal(await b.execute(() => document.querySelector('[data-testid="bind-sheet-title"]').textContent), 'Switch binding mode');
  await checkAndRun();
  const undo = await waitFor(b, '[data-testid="run-undo"]');
  assert.equal(await undo.getText(), 'Undo: switch back to NAT…');
  await tabTo('[data-testid="run-undo"]');
  await b.keys('Enter');
  await waitFor(b, '[data-testid="bind-sheet"][data-stage="choose"]');
  assert.equal(await b.execute(() => document.querySelector('[data-testid="bind-mode"] input[value="NAT"]')?.checked), true, 'the undo switches back to NAT');
  await checkAndRun();
  // The outcome says what changed inside the guest OS: the address left the NIC.
  const message = await b.execute(() => document.querySelector('[data-testid="run-message"]')?.textContent ?? '');
  assert.match(message, /Inside the guest OS.* is no longer on the NIC of eni-/, message);
  await screenshot(b, 'keyboard-3-switched-back');
  assert.equal(await b.execute(() => window.__mouseEvents), 0, 'no mouse or pointer event reached the page');
});
