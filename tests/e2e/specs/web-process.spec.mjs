// A dead web process does not freeze the app: the WebKit renderer of the window is killed
// (SIGKILL) while a cut-through run is in progress; the backend notices, logs it and reloads
// the window in a new web process, which loads the tables again, while the backend keeps
// driving the run to completion. Screenshot (of the X screen): the window after the reload.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { OUT, launchApp } from '../lib/app.mjs';
import { appPids, sandboxControl } from '../lib/sandbox.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const EIP = 'eip-bp1nb6aclhifn05sewwg'; // free-c
const ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data: secondary, attached to web-01

let app;
let b;

before(async () => {
  app = await launchApp('web-process');
  b = app.browser;
  await b.setWindowSize(1280, 800).catch(() => {});
});
after(async () => app?.close().catch(() => {}));

async function waitFor(sel, timeout = 30000) {
  const el = await b.$(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

/** The WebKit web content processes the app started. */
function webProcesses(appPid) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === appPid && comm.startsWith('WebKitWebProces')) out.push(Number(entry));
    } catch {
      // gone
    }
  }
  return out;
}

function logText(home) {
  const dir = join(home, 'logs');
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

test('the window is reloaded after its web process dies, and the run goes on', async () => {
  await sandboxControl(app.home, 'delays', 'PUT', { associate_ms: 8000, detach_ms: 300, attach_ms: 300, unassociate_ms: 300 });
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
  await (await b.$('[data-testid="bind-run"]')).click();
  const runId = await (await waitFor('[data-testid="run-timeline"]')).getAttribute('data-run');

  const [appPid] = appPids(app.home);
  const victims = webProcesses(appPid);
  assert.ok(victims.length > 0, 'the app has a web process');
  const { requests: seen } = await sandboxControl(app.home, 'requests?since=0');
  const mark = Math.max(0, ...seen.map((r) => r.seq)) + 1;
  for (const pid of victims) process.kill(pid, 'SIGKILL');

  // WebKit's WebDriver session dies with the web process, so the new page is observed from
  // outside: the log line, a new web process, and the reloaded page loading the inventory
  // (DescribeVpcs is sent only by an inventory load, never by the run).
  const deadline = Date.now() + 60000;
  for (;;) {
    const fresh = webProcesses(appPid).filter((pid) => !victims.includes(pid));
    const { requests } = await sandboxControl(app.home, `requests?since=${mark}`);
    if (fresh.length > 0 && requests.some((r) => r.action === 'DescribeVpcs')) break;
    assert.ok(Date.now() < deadline, `the window did not come back (new web processes: ${fresh}, calls since: ${requests.map((r) => r.action)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.match(logText(app.home), /web process died; reloading the window \(the backend kept its state\)/);
  // WebKit under Xvfb repaints only after real input: a click on the brand, as a user would.
  await promisify(execFile)('xdotool', ['mousemove', '40', '22', 'click', '1']);
  await new Promise((r) => setTimeout(r, 1500));
  await promisify(execFile)('import', ['-window', 'root', join(OUT, 'web-process-01-reloaded-screen.png')]);

  // The backend kept driving the run: it completes.
  const found = {};
  for (let i = 0; i < 240 && (found[EIP]?.status !== 'InUse' || !found[ENI]?.instance_id); i++) {
    await new Promise((r) => setTimeout(r, 250));
    (function walk(v) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (typeof v.id === 'string') found[v.id] = v;
        Object.values(v).forEach(walk);
      }
    })(await sandboxControl(app.home, 'snapshot'));
  }
  assert.equal(found[EIP]?.status, 'InUse', `run ${runId} bound the EIP after the reload`);
  assert.equal(found[ENI]?.instance_id, 'i-bp1rqn8y8lb6iy5x5nne', 'and re-attached the ENI to web-01');
});
