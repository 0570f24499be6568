// Closing is safe: a close request (WM_DELETE_WINDOW, what a window manager's close button
// sends; Xvfb has no window manager, so tests/e2e/lib/wm-close.py sends it) during a run is
// held and asks: wait for a safe point, roll back, or close now and keep the run interrupted,
// saying what state the resources are left in. Each choice ends in the state it promised,
// read through the emulator's control API (its state file, after the app is gone).
// Screenshot: the close dialog during a cut-through bind.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { launchApp, screenshot } from '../lib/app.mjs';
import { appPids, sandboxControl } from '../lib/sandbox.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const FREE = { a: 'eip-bp1vdcgzm41znfkjyd2x', b: 'eip-bp1fovp2j693unptht0g', c: 'eip-bp1nb6aclhifn05sewwg' };
const ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data: secondary, attached to web-01
const WEB01 = 'i-bp1rqn8y8lb6iy5x5nne';
const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

async function askToClose() {
  const { stdout } = await run('xwininfo', ['-root', '-tree']);
  const line = stdout.split('\n').find((l) => l.includes('"EIP Desk"'));
  assert.ok(line, `no "EIP Desk" window:\n${stdout}`);
  await run('python3', [join(here, '../lib/wm-close.py'), line.trim().split(/\s+/)[0]]);
}

/** The persisted Sandbox state (the app and its emulator are gone). */
function world(home) {
  const text = readFileSync(join(home, 'sandbox', 'state.json'), 'utf8');
  const found = {};
  (function walk(v) {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.id === 'string') found[v.id] = v;
      Object.values(v).forEach(walk);
    }
  })(JSON.parse(text));
  return found;
}

/** Waits up to `ms` for the app to quit (it quits once the run allows it). */
async function waitGone(home, ms = 20000) {
  for (let i = 0; i < ms / 100 && appPids(home).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(appPids(home), [], 'the app quit');
}

/** The run reached its end before the app quit: the ENI is back on web-01 with `eip` bound. */
function assertCompleted(home, eip) {
  const w = world(home);
  assert.equal(w[ENI].instance_id, WEB01, 'web-01-data is attached to web-01 again');
  assert.equal(w[eip].status, 'InUse', 'the EIP is bound');
}

/** Starts a cut-through bind of `eip` held `holdMs` in its bind step, and asks to close. */
async function bindThenClose(name, eip, holdMs = 8000) {
  const app = await launchApp(name);
  const b = app.browser;
  await b.setWindowSize(1280, 800).catch(() => {});
  await sandboxControl(app.home, 'delays', 'PUT', { associate_ms: holdMs, detach_ms: 300, attach_ms: 300, unassociate_ms: 300 });
  await b.waitUntil(async () => (await b.$$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${eip}"]`)).length > 0, { timeout: 60000 });
  await (await b.$(`[data-testid="eip-table"] tbody tr[data-allocation-id="${eip}"] td:first-child`)).doubleClick();
  await (await b.$('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  const target = `[data-testid="choose-target"] [data-choice="${ENI}"] input`;
  await (await b.$(target)).waitForExist({ timeout: 20000 });
  await b.execute((sel) => document.querySelector(sel).click(), target);
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await (await b.$('[data-warning="LosesPrivateNetworking"] input')).waitForExist({ timeout: 20000 });
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  await (await b.$('[data-testid="bind-run"]')).click();
  // Detached, and the bind is in flight.
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"] li[data-step="0"]')?.getAttribute('data-status'))) === 'done', { timeout: 30000 });
  await askToClose();
  await (await b.$('[data-testid="close-guard"]')).waitForExist({ timeout: 15000, timeoutMsg: 'the close was not held' });
  const state = await b.execute(() => document.querySelector('[data-testid="close-guard"] .state')?.textContent ?? '');
  assert.match(state, new RegExp(`${ENI} is detached from ${WEB01}`));
  return app;
}

test('close now, keep it interrupted: the ENI stays detached and the run is offered next time', async () => {
  const app = await bindThenClose('close-keep', FREE.a);
  await screenshot(app.browser, 'close-guard-01-dialog');
  // The app quits while answering the click: the session may be gone before the reply.
  await (await app.browser.$('[data-testid="close-keep"]')).click().catch(() => {});
  // Closed whatever happens: an app left running would keep this spec from ever ending.
  try {
    await waitGone(app.home);
  } finally {
    await app.close();
  }
  const w = world(app.home);
  assert.equal(w[ENI].instance_id ?? null, null, 'web-01-data is left detached');
  const again = await launchApp('close-keep-2', { home: app.home });
  try {
    await (await again.browser.$('[data-testid="interrupted-runs"]')).waitForExist({ timeout: 30000, timeoutMsg: 'the interrupted run was not offered' });
  } finally {
    await again.close();
  }
});

test('wait for a safe point: the run completes, then the app quits', async () => {
  const app = await bindThenClose('close-wait', FREE.b);
  await (await app.browser.$('[data-testid="close-wait"]')).click();
  // Closed whatever happens: an app left running would keep this spec from ever ending.
  try {
    await waitGone(app.home);
  } finally {
    await app.close();
  }
  assertCompleted(app.home, FREE.b);
});

test('the answer outlives the window: after a reload the app still quits at the safe point', async () => {
  // The shell, not the page, holds "wait for a safe point": a reload (or a crash of the web
  // process) must neither lose it nor leave the app running for ever.
  const app = await bindThenClose('close-reload', FREE.b, 15000);
  const b = app.browser;
  try {
    await (await b.$('[data-testid="close-wait"]')).click();
    await b.execute(() => location.reload());
    const shown = await b.$('[data-testid="close-guard"][data-waiting="safePoint"]');
    await shown.waitForExist({ timeout: 10000, timeoutMsg: 'the reloaded window does not show what the app waits for' });
    // The bind step is held 15 s, then four more steps run (two of them guest scripts).
    await waitGone(app.home, 60000);
  } finally {
    await app.close();
  }
  assertCompleted(app.home, FREE.b);
});

test('roll back: what was done is undone, then the app quits', async () => {
  const app = await bindThenClose('close-rollback', FREE.c);
  await (await app.browser.$('[data-testid="close-rollback"]')).click();
  // Closed whatever happens: an app left running would keep this spec from ever ending.
  try {
    await waitGone(app.home);
  } finally {
    await app.close();
  }
  const w = world(app.home);
  assert.equal(w[ENI].instance_id, WEB01, 'web-01-data is attached to web-01 again');
  assert.equal(w[FREE.c].status, 'Available', 'the EIP is free again');
});
