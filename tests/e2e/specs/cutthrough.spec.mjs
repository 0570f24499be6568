// The cut-through workflow end to end in the real app: bind a seeded free EIP to a secondary
// ENI that is attached to an instance, from the bind sheet; watch the timeline (detach, bind
// in BINDED mode, re-attach, verify); see the tables update; read the guest-OS instructions;
// then undo it. Screenshots of the form, the plan, the running timeline and the result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { eipRows, launchApp, screenshot } from '../lib/app.mjs';
import { keys, typeFileName, waitForWindow } from '../lib/save-dialog.mjs';
import { sandboxControl } from '../lib/sandbox.mjs';
import { openPage, tableRows } from './tables.lib.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const EIP = 'eip-bp1vdcgzm41znfkjyd2x'; // free-a, 47.98.159.168, Available
const EIP_IP = '47.98.159.168';
const ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data: secondary, attached to web-01
const WEB01 = 'i-bp1rqn8y8lb6iy5x5nne';
const PRIMARY = 'eni-bp1hxgg3mq47llnwq37g'; // web-01's primary ENI: offered disabled

let app;
let b;

const control = (path, method, body) => sandboxControl(app.home, path, method, body);

const $ = (sel) => b.$(sel);
const text = (sel) => b.execute((s) => document.querySelector(s)?.textContent ?? '', sel);

async function waitFor(sel, timeout = 30000) {
  const el = await $(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

async function clickRadio(list, id) {
  await waitFor(`[data-testid="${list}"] [data-choice="${id}"]`);
  await b.execute(
    (l, i) => document.querySelector(`[data-testid="${l}"] [data-choice="${i}"] input`).click(),
    list,
    id,
  );
}

async function selectRow(testid, attr, id) {
  await b.waitUntil(async () => (await b.$$(`[data-testid="${testid}"] tbody tr[${attr}="${id}"]`)).length > 0, {
    timeout: 60000,
    timeoutMsg: `${id} never showed in ${testid}`,
  });
  // The first cell: the row's middle may be a link to another resource.
  await (await $(`[data-testid="${testid}"] tbody tr[${attr}="${id}"] td:first-child`)).doubleClick();
  await waitFor('[data-testid="details-panel"]');
}

async function waitRun(status, timeout = 60000) {
  await b.waitUntil(
    async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === status,
    { timeout, interval: 100, timeoutMsg: `the run never became ${status}: ${await text('[data-testid="run-timeline"]')}` },
  );
}

before(async () => {
  app = await launchApp('cutthrough');
  b = app.browser;
  await b.setWindowSize(1400, 900).catch(() => {});
});
after(async () => {
  await app?.close();
});

test('the bind form starts from an EIP row and shows impossible choices disabled with the reason', async () => {
  await selectRow('eip-table', 'data-allocation-id', EIP);
  await (await waitFor('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  await waitFor('[data-testid="bind-sheet"][data-stage="choose"]');
  // The sheet is a modal <dialog> labelled by its title: the page behind it is inert.
  const sheet = await b.execute(() => {
    const d = document.querySelector('[data-testid="bind-sheet"]');
    return { modal: d?.matches('dialog:modal') ?? false, label: document.getElementById(d?.getAttribute('aria-labelledby') ?? '')?.textContent ?? '' };
  });
  assert.deepEqual(sheet, { modal: true, label: 'Bind EIP' });
  await clickRadio('choose-target', ENI);
  // The primary ENI is listed but disabled, with the rule that rules it out.
  const primary = await b.execute(
    (id) => {
      const el = document.querySelector(`[data-testid="choose-target"] [data-choice="${id}"]`);
      return { disabled: el.querySelector('input').disabled, reason: el.querySelector('.reason')?.textContent ?? '' };
    },
    PRIMARY,
  );
  assert.equal(primary.disabled, true);
  assert.match(primary.reason, /primary network interface/);
  // "Attach afterwards to" defaults to the instance the ENI is on now.
  await b.waitUntil(
    async () => b.execute((i) => document.querySelector(`[data-testid="choose-attach"] [data-choice="${i}"] input`)?.checked === true, WEB01),
    { timeout: 20000, timeoutMsg: 'the attach target did not default to web-01' },
  );
  assert.equal(await b.execute((e) => document.querySelector(`[data-testid="choose-eip"] [data-choice="${e}"] input`).checked, EIP), true);
  await screenshot(b, 'cutthrough-1-form');
  // The disabled choices with their reasons, and where the ENI goes afterwards.
  await b.execute((id) => document.querySelector(`[data-testid="choose-target"] [data-choice="${id}"]`).scrollIntoView({ block: 'center' }), PRIMARY);
  await b.execute(() => document.querySelector('[data-testid="choose-attach"]').scrollIntoView({ block: 'end' }));
  await screenshot(b, 'cutthrough-1-form-reasons');
});

test('preflight shows the plan with its API calls, CLI and Terraform', async () => {
  await (await $('[data-testid="bind-check"]')).click();
  await waitFor('[data-testid="plan-steps"]');
  const apis = await b.execute(() => [...document.querySelectorAll('[data-testid="plan-steps"] > li')].map((li) => li.getAttribute('data-api')));
  // The guest steps follow the attach on the Sandbox: configure DHCP, then verify the EIP in the guest.
  assert.deepEqual(apis, ['DetachNetworkInterface', 'AssociateEipAddress', 'AttachNetworkInterface', 'Verify', 'RunCommand', 'RunCommand']);
  const plan = await text('[data-testid="plan-steps"]');
  assert.match(plan, /BINDED/);
  assert.match(plan, /NetworkInterface/);
  await screenshot(b, 'cutthrough-2-plan');
  await (await $('[data-testid="tab-cli"]')).click();
  assert.match(await text('[data-testid="plan-cli"]'), new RegExp(`aliyun vpc AssociateEipAddress --RegionId cn-hangzhou --AllocationId ${EIP} --InstanceId ${ENI} --InstanceType NetworkInterface --Mode BINDED`));
  await (await $('[data-testid="tab-terraform"]')).click();
  const tf = await text('[data-testid="plan-terraform"]');
  assert.match(tf, /alicloud_eip_association/);
  assert.match(tf, /mode\s+= "BINDED"/);
  await screenshot(b, 'cutthrough-2-plan-terraform');
  // Running needs the warning confirmed.
  assert.equal(await (await $('[data-testid="bind-run"]')).isEnabled(), false);
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  assert.equal(await (await $('[data-testid="bind-run"]')).isEnabled(), true);
});

test('the run shows a live timeline and completes', async () => {
  // Slow the Sandbox down so the timeline can be seen moving.
  await control('delays', 'PUT', { associate_ms: 2500, unassociate_ms: 600, attach_ms: 1500, detach_ms: 1500 });
  await (await $('[data-testid="bind-run"]')).click();
  await waitFor('[data-testid="run-timeline"]');
  await b.waitUntil(async () => b.execute(() => !!document.querySelector('[data-testid="run-timeline"] [data-status="waiting"]')), {
    timeout: 20000,
    interval: 50,
    timeoutMsg: 'no step was ever shown waiting for its state',
  });
  const waiting = await text('[data-testid="run-timeline"] [data-status="waiting"]');
  assert.match(waiting, /waiting for/);
  await screenshot(b, 'cutthrough-3-running');
  await waitRun('completed');
  const steps = await b.execute(() => [...document.querySelectorAll('[data-testid="run-timeline"] li[data-step]')].map((li) => li.getAttribute('data-status')));
  assert.deepEqual(steps, ['done', 'done', 'done', 'done', 'done', 'done']);
  const ids = await b.execute(() => [...document.querySelectorAll('[data-testid="request-id"]')].map((e) => e.textContent));
  assert.equal(ids.length, 3, 'each call shows its RequestId');
  await control('delays', 'PUT', { associate_ms: 300, unassociate_ms: 300, attach_ms: 300, detach_ms: 300 });
});

test('the guest is configured and the EIP verified on its NIC through Cloud Assistant', async () => {
  const message = await text('[data-testid="run-message"]');
  assert.match(message, new RegExp(`EIP ${EIP_IP.replaceAll('.', '\\.')} verified on eth1 \\(MAC 00:16:3e:[0-9a-f:]+\\)`));
  const summary = await text('[data-testid="guest-summary"]');
  assert.match(summary, /verified on eth1/);
  await b.execute(() => document.querySelector('[data-testid="guest-output"] details')?.setAttribute('open', ''));
  const output = await b.execute(() => [...document.querySelectorAll('[data-testid="guest-output"] pre')].map((p) => p.textContent).join('\n'));
  assert.match(output, /"addr"/, 'the verification output is viewable');
  await b.execute(() => document.querySelector('[data-testid="guest-summary"]').scrollIntoView());
  await screenshot(b, 'cutthrough-3b-guest-verified');
});

test('the guest-OS panel says the guest is done and keeps the instructions collapsed', async () => {
  assert.equal(await b.execute(() => document.querySelector('[data-testid="guest-os"]').getAttribute('data-verified')), 'true');
  assert.match(await text('[data-testid="guest-os"] h3'), /^Guest OS configured and verified$/);
  assert.match(await text('[data-testid="guest-os-verified"]'), /verified on eth1 \(MAC 00:16:3e:[0-9a-f:]+\)/);
  assert.equal(await b.execute(() => document.querySelector('[data-testid="guest-os-manual"]').open), false, 'collapsed');
  await b.execute(() => document.querySelector('[data-testid="guest-os"]').scrollIntoView());
  await screenshot(b, 'cutthrough-3c-guest-panel-verified');
  await (await $('[data-testid="guest-os-manual"] summary')).click();
  const guide = await text('[data-testid="guest-os"]');
  assert.match(guide, new RegExp(EIP_IP.replaceAll('.', '\\.')));
  assert.match(guide, /00:16:3e:[0-9a-f:]+/);
  assert.match(guide.toLowerCase(), /dhcp/);
  assert.match(guide, /metric/);
  await screenshot(b, 'cutthrough-4-result');
  await (await $('[data-testid="guest-os"] [data-os="windows"]')).click();
  assert.match(await text('[data-testid="guest-os"]'), /Set-NetIPInterface/);
  await b.execute(() => document.querySelector('[data-testid="guest-os"]').scrollIntoView());
  await screenshot(b, 'cutthrough-5-guest-os');
});

test('the tables show the EIP in cut-through mode and the ENI back on its instance', async () => {
  await b.waitUntil(
    async () => {
      const row = (await eipRows(b)).find((r) => r.allocationId === EIP);
      return row && row.status === 'InUse' && row.mode === 'Cut-through' && row.boundTo.startsWith(ENI);
    },
    { timeout: 20000, interval: 200, timeoutMsg: 'the EIP row never showed InUse, cut-through, on the ENI' },
  );
  // Escape closes the sheet (the dialog's cancel event) once the run is over.
  await b.keys(['Escape']);
  await (await $('[data-testid="bind-sheet"]')).waitForExist({ reverse: true, timeout: 5000, timeoutMsg: 'Escape did not close the sheet' });
  await openPage(b, 'enis');
  await b.waitUntil(
    async () => {
      const row = (await tableRows(b, 'eni-table')).find((r) => r.key === ENI);
      return row && Object.values(row.cells).some((c) => c === 'InUse') && Object.values(row.cells).some((c) => c.includes(WEB01));
    },
    { timeout: 20000, interval: 200, timeoutMsg: 'the ENI row never showed InUse on web-01' },
  );
  await screenshot(b, 'cutthrough-6-enis');
  await openPage(b, 'eips');
});

test('undo restores the EIP and the ENI', async () => {
  await selectRow('eip-table', 'data-allocation-id', EIP);
  await (await waitFor('[data-testid="details-panel"] button[data-action="unbind-eip"]')).click();
  await waitFor('[data-testid="bind-sheet"][data-stage="choose"]');
  await b.waitUntil(
    async () => b.execute((i) => document.querySelector(`[data-testid="choose-attach"] [data-choice="${i}"] input`)?.checked === true, WEB01),
    { timeout: 20000, timeoutMsg: 'undo did not offer re-attaching to web-01' },
  );
  await (await $('[data-testid="bind-check"]')).click();
  await waitFor('[data-testid="plan-steps"]');
  const apis = await b.execute(() => [...document.querySelectorAll('[data-testid="plan-steps"] > li')].map((li) => li.getAttribute('data-api')));
  // The bind configured the guest, so the undo restores it first (while the NIC is still there).
  assert.deepEqual(apis, ['RunCommand', 'DetachNetworkInterface', 'UnassociateEipAddress', 'AttachNetworkInterface', 'Verify']);
  // Undo breaks something too (web-01 loses the NIC while it runs): shown above the steps and
  // acknowledged before it may run, also outside production.
  const impact = await b.execute(() => [...document.querySelectorAll('[data-testid="plan-impact"] li')].map((li) => [li.getAttribute('data-kind'), li.getAttribute('data-lasts'), li.getAttribute('data-resource')]));
  assert.deepEqual(impact[0], ['nic', 'duringRun', WEB01]);
  assert.equal(await (await $('[data-testid="bind-run"]')).isEnabled(), false);
  await screenshot(b, 'cutthrough-6b-undo-impact');
  await b.execute(() => document.querySelector('[data-warning="Disruptive"] input').click());
  await (await $('[data-testid="bind-run"]')).click();
  await waitRun('completed');
  await screenshot(b, 'cutthrough-7-undone');
  await b.waitUntil(
    async () => {
      const row = (await eipRows(b)).find((r) => r.allocationId === EIP);
      return row && row.status === 'Available' && row.boundTo === '—';
    },
    { timeout: 20000, interval: 200, timeoutMsg: 'the EIP never showed Available again' },
  );
});

test('the Activity page lists both runs and the audit log of every mutating call', async () => {
  await b.execute(() => document.querySelector('[data-testid="bind-sheet"] .close')?.click());
  await openPage(b, 'activity');
  await waitFor('[data-testid="runs-table"] tbody tr[data-run]');
  const statuses = await b.execute(() => [...document.querySelectorAll('[data-testid="runs-table"] tbody tr[data-run]')].map((tr) => tr.getAttribute('data-status')));
  assert.deepEqual(statuses, ['completed', 'completed']);
  await (await $('[data-testid="tab-audit"]')).click();
  await waitFor('[data-testid="audit-table"] tbody tr[data-action]');
  const actions = await b.execute(() => [...document.querySelectorAll('[data-testid="audit-table"] tbody tr[data-action]')].map((tr) => `${tr.getAttribute('data-action')}:${tr.getAttribute('data-outcome')}`));
  assert.deepEqual(actions.reverse(), [
    'DetachNetworkInterface:success',
    'AssociateEipAddress:success',
    'AttachNetworkInterface:success',
    'RunCommand:success',
    'RunCommand:success',
    'RunCommand:success',
    'DetachNetworkInterface:success',
    'UnassociateEipAddress:success',
    'AttachNetworkInterface:success',
  ]);
  const accounts = await b.execute(() => [...document.querySelectorAll('[data-testid="audit-table"] tbody tr[data-action] [data-account]')].map((td) => td.textContent.trim()));
  assert.deepEqual([...new Set(accounts)], ['1234567890123456'], 'the demo account is recorded with every call');
  await screenshot(b, 'cutthrough-8-audit');
  await (await $('[data-testid="audit-export-csv"]')).click();
  await waitForWindow('^Export the audit log$');
  const path = join(app.home, 'exports', 'audit.csv');
  await typeFileName(path);
  await keys('Return');
  await waitFor('[data-testid="audit-exported"]');
  assert.match(await text('[data-testid="audit-exported"]'), /^Exported 9 entries to .*audit\.csv/);
  const csv = readFileSync(path, 'utf8');
  assert.match(csv, /^time,profile,account,region,action,parameters,request_id,outcome/);
  assert.equal(csv.trim().split('\r\n').length, 10);
});

test('a bind that fails after the detach re-attaches the ENI automatically and says so', async () => {
  const FREE_C = 'eip-bp1nb6aclhifn05sewwg';
  await control('faults', 'PUT', {
    seed: 1,
    rules: [{ action: 'AssociateEipAddress', error_code: 'InvalidParameter', message: 'Injected by the end-to-end test.', error_rate: 1.0 }],
  });
  await openPage(b, 'eips');
  await selectRow('eip-table', 'data-allocation-id', FREE_C);
  await (await waitFor('[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  await waitFor('[data-testid="bind-sheet"][data-stage="choose"]');
  await clickRadio('choose-target', ENI);
  await b.waitUntil(
    async () => b.execute((i) => document.querySelector(`[data-testid="choose-attach"] [data-choice="${i}"] input`)?.checked === true, WEB01),
    { timeout: 20000, timeoutMsg: 'the attach target did not default to web-01' },
  );
  await (await $('[data-testid="bind-check"]')).click();
  await waitFor('[data-warning="LosesPrivateNetworking"] input');
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input').click());
  await (await $('[data-testid="bind-run"]')).click();
  await waitRun('rolledBack');
  const message = await text('[data-testid="run-message"]');
  assert.match(message, /automatically/);
  assert.match(message, new RegExp(`${ENI} is attached to ${WEB01} again`));
  const steps = await b.execute(() => [...document.querySelectorAll('[data-testid="run-timeline"] li[data-step]')].map((li) => li.getAttribute('data-status')));
  assert.deepEqual(steps, ['undone', 'undone', 'pending', 'pending', 'pending', 'pending']);
  assert.match(await text('[data-testid="run-timeline"] li[data-step="1"]'), /InvalidParameter/);
  await screenshot(b, 'cutthrough-9-rolled-back');
  await control('faults', 'PUT', { seed: 0, rules: [] });
  await b.waitUntil(
    async () => {
      const row = (await eipRows(b)).find((r) => r.allocationId === FREE_C);
      return row && row.status === 'Available';
    },
    { timeout: 20000, interval: 200, timeoutMsg: 'free-c did not stay Available' },
  );
});
