// The walking skeleton end to end: the real app starts its in-process Sandbox emulator, lists
// the seeded EIPs of the default region through the signed client, and switches region.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eipRows, launchApp, screenshot } from '../lib/app.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
const HANGZHOU = {
  'eip-bp1vdcgzm41znfkjyd2x': { ip: '47.98.159.168', status: 'Available' },
  'eip-bp1fovp2j693unptht0g': { ip: '47.98.28.21', status: 'Available' },
  'eip-bp1nb6aclhifn05sewwg': { ip: '47.98.211.152', status: 'Available' },
  'eip-bp1wq77vu6yj6wonggui': { ip: '47.98.110.43', status: 'InUse', mode: 'NAT', boundTo: 'i-bp10buq1bbp3ujg1s9bu' },
  'eip-bp1hc0coj0qakbl6g1fp': { ip: '47.98.80.234', status: 'InUse', mode: 'Cut-through', boundTo: 'eni-bp1gxdqvi03v0soojvre' },
  'eip-bp1i2ugd41kdt1hldyk0': { ip: '47.98.83.186', status: 'InUse', mode: 'Cut-through', boundTo: 'eni-bp1vcw0e8v0wmmvcawhv' },
  'eip-bp1sxlr97qcr54sh1ht4': { ip: '47.98.107.200', status: 'InUse', mode: 'NAT', boundTo: 'eni-bp1wzkvt0bwgizpa4hj8' },
  'eip-bp17l1aj4tlc41pwvvj0': { ip: '47.98.231.52', status: 'Available' },
};
const SHANGHAI = {
  'eip-uf6k2nlllp4uv94jdr1h': { ip: '47.101.37.36', status: 'Available' },
  'eip-uf63zey6gkwao74u59dn': { ip: '47.101.45.116', status: 'Available' },
  'eip-uf6sge43g19jhw28hsdn': { ip: '47.101.159.163', status: 'InUse', mode: 'NAT', boundTo: 'i-uf6dk8lsvir1brkmhvz1' },
};

let app;
before(async () => {
  app = await launchApp('eips');
});
after(async () => {
  await app?.close();
});

async function waitForRegion(region, count) {
  await app.browser.waitUntil(
    async () => {
      const rows = await eipRows(app.browser);
      return rows.length === count && rows.every((r) => r.region === region);
    },
    { timeout: 20000, interval: 200, timeoutMsg: `EIP table never showed ${count} rows of ${region}` },
  );
  return eipRows(app.browser);
}

/** The table shows "—" in an empty cell. */
const cell = (text) => (text === '—' ? '' : text);

function assertRows(rows, expected) {
  assert.deepEqual(rows.map((r) => r.allocationId).sort(), Object.keys(expected).sort());
  for (const row of rows) {
    const want = expected[row.allocationId];
    assert.equal(row.ip, want.ip, `${row.allocationId} IP`);
    assert.equal(row.status, want.status, `${row.allocationId} status`);
    assert.equal(cell(row.mode), want.mode ?? '', `${row.allocationId} mode`);
    if (want.boundTo) assert.ok(row.boundTo.startsWith(want.boundTo), `${row.allocationId} bound to ${want.boundTo}, got ${row.boundTo}`);
    else assert.equal(cell(row.boundTo), '', `${row.allocationId} should be unbound`);
  }
}

test('shows the seeded EIPs of the default region (cn-hangzhou)', async () => {
  const select = await app.browser.$('[data-testid="region-select"]');
  await select.waitForExist({ timeout: 20000 });
  const rows = await waitForRegion('cn-hangzhou', Object.keys(HANGZHOU).length);
  assertRows(rows, HANGZHOU);
  assert.equal(await select.getValue(), 'cn-hangzhou');
  await screenshot(app.browser, 'eips-cn-hangzhou');
});

test('switching region shows that region’s EIPs only', async () => {
  const select = await app.browser.$('[data-testid="region-select"]');
  await select.selectByAttribute('value', 'cn-shanghai');
  const rows = await waitForRegion('cn-shanghai', Object.keys(SHANGHAI).length);
  assertRows(rows, SHANGHAI);
  await screenshot(app.browser, 'eips-cn-shanghai');
});
