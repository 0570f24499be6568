// The app in Simplified Chinese (issue 17): the OS language (LANGUAGE/LANG, which WebKitGTK
// reports as navigator.languages) chooses zh-CN at start. The main flows (the three tables and
// a details panel, a cut-through bind from plan to completed run, the profiles page and the
// import dialog, the command palette) run in it, each screen checked for English words left
// in the interface and saved as target/e2e/zh-cn-*.png; at 900×560 the header and the
// tables' key columns stay inside the viewport as they do in English. The language control
// then switches to English and back without a restart. The import dialog scans the mixed
// config.json fixture of the core's import tests, so its refused entries show their reasons
// (sent by the core as message keys) in Chinese.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchApp, OUT, screenshot } from '../lib/app.mjs';
import { chooseScope } from './tables.lib.mjs';
import { FREE_EIP, SECONDARY_ENI, assertKeyControlsInside, closeModals, goto, openDetails, openSheetPlan, resize, waitFor } from './views.lib.mjs';

let app;
let b;
/** Latin-script words found on each screen, for the closing report (target/e2e/zh-cn-latin.json). */
const found = {};

// Words that stay in Latin script in the Chinese console too: product and protocol names,
// API field names, units, and what the user or the cloud named.
const KEEP = new Set([
  'EIP', 'Desk', 'ENI', 'ECS', 'NAT', 'IP', 'ID', 'VPC', 'MAC', 'CIDR', 'DHCP', 'SSH', 'RDP', 'ARN', 'RAM', 'STS', 'Token', 'AccessKey', 'Secret',
  'URI', 'SDK', 'CLI', 'Terraform', 'alicloud', 'provider', 'API', 'CSV', 'JSON', 'RequestId', 'ClientToken', 'InvokeId', 'Mbps', 'GiB', 'vCPU',
  'ICMP', 'TCP', 'Ctrl', 'Enter', 'Esc', 'Alt', 'English', 'External', 'Shell', 'waiter', 'BGP', 'Linux', 'Windows',
]);

/** Latin words in the visible text of `root` that are not IDs, addresses, names from the cloud or KEEP. */
async function latinWords(root = 'body') {
  const texts = await b.execute((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      // Skipped: IDs and code (.mono, code, pre), key caps and what the user or the cloud named.
      // Text eipdesk-core still words in English (guide, notes, warnings) shows up in the bind
      // screens, which are recorded in zh-cn-latin.json; the plan's steps and the run's
      // timeline are asserted on their own (STEP_TEXT).
      if (!p || p.closest('.mono, code, pre, kbd, [data-column="name"], .nm, script, style')) continue;
      if (!p.getClientRects().length || getComputedStyle(p).visibility === 'hidden') continue;
      const t = n.textContent.trim();
      if (t) out.push(t);
    }
    for (const a of el.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (a.closest('.mono, code, pre, [data-column="name"], .nm')) continue;
      for (const k of ['title', 'aria-label', 'placeholder']) if (a.getAttribute(k)) out.push(a.getAttribute(k));
    }
    }
    return out;
  }, root);
  const words = new Set();
  for (const t of texts) {
    for (const w of t.split(/[^A-Za-z0-9_.:/-]+/)) {
      if (!/^[A-Za-z]{3,}$/.test(w)) continue; // IDs, addresses and versions carry digits or dashes
      if (KEEP.has(w)) continue;
      words.add(w);
    }
  }
  return [...words].sort();
}

/** The plan's steps and the run's title and steps: worded by the UI from the core's message keys. */
const STEP_TEXT = {
  plan: '[data-testid="plan-summary"], [data-testid="plan-steps"] .step-title, [data-testid="plan-steps"] .effect, [data-testid="plan-steps"] .meta',
  run: '[data-testid="run-timeline"] header h3, [data-testid="run-timeline"] li .line',
  message: '[data-testid="run-message"], [data-testid="guest-summary"], [data-testid="guest-skipped"], [data-testid="guest-status"]',
};
/** Names that stay as they are inside step text: OS families the guest scripts target, ICMP's ping. */
const STEP_KEEP = ['Alibaba', 'Cloud', 'Linux', 'CentOS', 'Ubuntu', 'Debian', 'Windows', 'Server', 'ping', 'TCP', 'ICMP'];

/**
 * Latin words a Chinese screen may still show, beyond KEEP: the OS families and commands the
 * guest-OS instructions name (Alibaba Cloud Linux, sudo, nmcli, …), the API's parameter names
 * in the plan's API view, the built-in profile's name, the time zone, and the aliyun CLI's
 * own command.
 */
const NAMES = new Set([
  ...STEP_KEEP,
  'PowerShell', 'NetworkManager', 'netplan', 'ifupdown', 'ifdown', 'ifup', 'nmcli', 'root', 'sudo',
  'AllocationId', 'InstanceId', 'InstanceType', 'Mode', 'NetworkInterfaceId', 'PrivateIpAddress', 'RegionId',
  'Sandbox', 'UTC', 'aliyun', 'configure',
]);

/**
 * Saves the screen and records its Latin words (target/e2e/zh-cn-latin.json); fails when one is
 * English left in the interface, that is neither in KEEP, NAMES nor `allow`.
 */
async function shot(name, { root = 'body', allow = [] } = {}) {
  await screenshot(b, `zh-cn-${name}`);
  const words = (await latinWords(root)).filter((w) => !allow.includes(w));
  found[name] = words;
  assert.deepEqual(words.filter((w) => !NAMES.has(w)), [], `${name}: English left on the screen`);
  return words;
}

/** tables.lib's waitForInventory reads the English words; this one the Chinese ("15/15 个地域", "已刷新 …"). */
async function waitForInventoryZh(regions, timeout = 60000) {
  await b.waitUntil(
    async () =>
      b.execute((n) => {
        const p = document.querySelector('[data-testid="region-progress"]');
        const refreshed = document.querySelector('[data-testid="last-refreshed"]');
        return !!p && p.textContent.trim() === `${n}/${n} 个地域` && !!refreshed && refreshed.textContent.trim().startsWith('已刷新');
      }, regions),
    { timeout, interval: 200, timeoutMsg: `the inventory never finished loading ${regions} regions` },
  );
}

/** The header scope's option for cn-hangzhou. */
async function hangzhouOption() {
  return b.execute(() => document.querySelector('[data-testid="region-select"] option[value="cn-hangzhou"]')?.textContent.trim());
}

const MIXED = join(dirname(fileURLToPath(import.meta.url)), '../../../crates/eipdesk-core/tests/fixtures/import/aliyun/mixed.json');

before(async () => {
  mkdirSync(process.env.E2E_SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(process.env.E2E_SCRATCH, 'zh-cn-import-'));
  copyFileSync(MIXED, join(dir, 'config.json'));
  const sources = { ALIBABA_CLOUD_CONFIG_FILE: join(dir, 'config.json'), ALIBABA_CLOUD_CREDENTIALS_FILE: join(dir, 'no-credentials-file') };
  app = await launchApp('zh-cn', { env: { LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8', LC_ALL: '', ...sources } });
  b = app.browser;
  await resize(b, 1280, 800);
  await (await b.$('.brand')).waitForExist({ timeout: 30000 });
  await chooseScope(b, 'all');
  await waitForInventoryZh(15);
});
after(async () => {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'zh-cn-latin.json'), JSON.stringify(found, null, 2));
  await app?.close();
});

test('the OS language chooses Simplified Chinese at start', async () => {
  assert.equal(await b.execute(() => document.documentElement.lang), 'zh-CN');
  const nav = await b.execute(() => [...document.querySelectorAll('nav button[data-page]')].map((e) => e.textContent.trim()));
  assert.deepEqual(nav, ['弹性公网IP', '弹性网卡', '实例', '操作记录', '配置档案']);
  assert.equal(await b.execute(() => document.querySelector('[data-testid="language-select"]').value), 'system');
  // Region names as the Chinese console words them (DescribeRegions with AcceptLanguage=zh-CN).
  assert.equal(await hangzhouOption(), '华东1（杭州）（cn-hangzhou）');
});

test('the three tables and a details panel are in Chinese', async () => {
  for (const page of ['eips', 'enis', 'instances']) {
    await goto(b, page);
    await b.pause(300);
    const words = await shot(`table-${page}`, { root: 'main' });
    assert.deepEqual(words, [], `${page}: English left in the table page`);
  }
  await goto(b, 'eips');
  await openDetails(b, 'eip-table', FREE_EIP);
  await shot('eip-details', { root: '[data-testid="details-panel"]' });
  const status = await b.execute((id) => document.querySelector(`[data-testid="eip-table"] tr[data-key="${id}"] td[data-column="status"]`)?.textContent.trim(), FREE_EIP);
  assert.equal(status, '可用');
  await b.keys('Escape');
});

test('a cut-through bind from plan to a completed run, in Chinese', async () => {
  await openSheetPlan(b);
  await shot('bind-plan', { root: '[data-testid="bind-sheet"]' });
  const planSteps = (await latinWords(STEP_TEXT.plan)).filter((w) => !STEP_KEEP.includes(w));
  assert.deepEqual(planSteps, [], 'English left in the plan\'s steps');
  assert.match(await b.execute(() => document.querySelector('[data-testid="plan-steps"] .step-title').textContent), /[\u4e00-\u9fff]/);
  // What the plan says before it runs (the core's impact, notes and warnings) is Chinese.
  for (const part of ['plan-impact', 'plan-notes', 'plan-warnings']) {
    assert.ok(await b.$(`[data-testid="${part}"]`).isExisting(), `${part} is shown`);
    assert.deepEqual(await latinWords(`[data-testid="${part}"]`), [], `${part}: English left in the plan`);
  }
  await b.execute(() => document.querySelector('[data-warning="LosesPrivateNetworking"] input')?.click());
  await b.waitUntil(async () => (await b.$('[data-testid="bind-run"]')).isEnabled(), { timeout: 5000 });
  assert.match(await b.execute(() => document.querySelector('[data-testid="bind-run"]').textContent), /执行 \d+ 个步骤/);
  await (await b.$('[data-testid="bind-run"]')).click();
  await waitFor(b, '[data-testid="run-timeline"]');
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === 'completed', {
    timeout: 90000,
    interval: 200,
    timeoutMsg: 'the run never completed',
  });
  await b.pause(300);
  await shot('bind-run', { root: '[data-testid="bind-sheet"]' });
  // The guest-OS panel says what Cloud Assistant verified in Chinese; its instructions too.
  await b.execute(() => document.querySelector('[data-testid="guest-os"]')?.scrollIntoView());
  // OS names and the commands the instructions name (sudo, nmcli, …) stay as they are.
  const osWords = ['Alibaba', 'Cloud', 'CentOS', 'Debian', 'Ubuntu', 'PowerShell', 'NetworkManager', 'netplan', 'ifupdown', 'ifdown', 'ifup', 'nmcli', 'root', 'sudo'];
  assert.deepEqual(await shot('bind-guest', { root: '[data-testid="guest-os"]', allow: osWords }), [], 'English left in the guest-OS panel');
  await b.execute(() => {
    document.querySelector('[data-testid="guest-os-manual"]')?.setAttribute('open', '');
    document.querySelector('[data-testid="guest-os"] h4')?.scrollIntoView();
  });
  await shot('bind-guest-steps', { root: '[data-testid="guest-os"]' });
  assert.match(await b.execute(() => document.querySelector('[data-testid="run-timeline"]').textContent), /已完成/);
  const runSteps = (await latinWords(STEP_TEXT.run)).filter((w) => !STEP_KEEP.includes(w));
  assert.deepEqual(runSteps, [], 'English left in the run\'s title and steps');
  // The run's message line, the guest steps' summary and the invocation status: message keys
  // worded in Chinese (only IDs, addresses and kept names stay in Latin script).
  const message = await b.execute(() => document.querySelector('[data-testid="run-message"]')?.textContent ?? '');
  assert.match(message, /^已完成并校验。/, `the run's message is Chinese: ${message}`);
  const runLines = (await latinWords(STEP_TEXT.message)).filter((w) => !STEP_KEEP.includes(w));
  assert.deepEqual(runLines, [], 'English left in the run\'s message, guest summaries or statuses');
  const statuses = await b.execute(() => [...document.querySelectorAll('[data-testid="guest-status"]')].map((s) => s.textContent));
  assert.ok(statuses.length > 0 && statuses.every((s) => s === '执行成功'), `Cloud Assistant statuses in Chinese: ${statuses}`);
  const runSummary = await b.execute(() => document.querySelector('[data-testid="run-timeline"] .summary').textContent);
  assert.match(runSummary, /（直通模式）/, `the run's summary names the mode in Chinese: ${runSummary}`);
  await closeModals(b);
  await goto(b, 'activity');
  await waitFor(b, '[data-testid="runs-table"] tbody tr[data-run]');
  await b.pause(300);
  await shot('activity', { root: 'main' });
  const row = await b.execute(() => {
    const tr = document.querySelector('[data-testid="runs-table"] tbody tr[data-run]');
    return { title: tr.querySelectorAll('td')[1].textContent, summary: tr.querySelector('[data-testid="run-summary"]').textContent };
  });
  assert.match(row.title, /以直通模式绑定/, `the Activity page titles the run in Chinese: ${row.title}`);
  assert.match(row.summary, /（直通模式）/, `the Activity page's summary is in Chinese: ${row.summary}`);
  await goto(b, 'enis');
  await openDetails(b, 'eni-table', SECONDARY_ENI);
  await shot('eni-details', { root: '[data-testid="details-panel"]' });
  await b.keys('Escape');
});

test('the profiles page, the import dialog and the palette are in Chinese', async () => {
  await goto(b, 'profiles');
  await b.pause(300);
  assert.deepEqual(await shot('profiles', { root: 'main' }), [], 'English left on the profiles page');
  await (await b.$('[data-testid="profile-import-open"]')).click();
  await waitFor(b, '[data-testid="profile-import"]');
  await b.waitUntil(async () => (await b.$$('[data-testid="import-candidate"]')).length === 11, {
    timeout: 10000,
    timeoutMsg: 'the eleven entries of the mixed config.json listed',
  });
  await b.pause(300);
  // The fixture's profile names (shown and quoted in the reasons) and its JSON field `name`.
  const fixtureNames = ['admin', 'sneaky', 'twice', 'name', 'n'.repeat(100)];
  await shot('import', { root: '[data-testid="profile-import"]', allow: fixtureNames });
  // The refused entries' reasons, worded from the core's keys (setting names and the names in
  // the file stay as they are).
  const reasons = await b.execute(() =>
    Object.fromEntries([...document.querySelectorAll('[data-testid="import-candidate"]')]
      .filter((tr) => tr.querySelector('.reason'))
      .map((tr) => [tr.getAttribute('data-key'), tr.querySelector('.reason').textContent.trim()])),
  );
  assert.equal(Object.keys(reasons).length, 9, `nine refused entries: ${JSON.stringify(reasons)}`);
  for (const [key, reason] of Object.entries(reasons)) {
    assert.match(reason, /[\u4e00-\u9fff]/, `the reason of ${key} is in Chinese: ${reason}`);
  }
  assert.equal(reasons['aliyun-cli:#2'], '它没有名称');
  assert.equal(reasons['aliyun-cli:#5'], '第 5 项必须是 JSON 对象，而不是字符串');
  assert.equal(reasons['aliyun-cli:numeric-id'], 'access_key_id 必须是字符串，而不是数字');
  assert.equal(reasons['aliyun-cli:padded-secret'], 'access_key_secret：请删除其前后的空格（密钥不会以空格开头或结尾）');
  assert.match(reasons['aliyun-cli:#3'], /^名称“twice”被第 3 和 4 项同时使用/);
  await closeModals(b);
  await (await waitFor(b, '[data-testid="open-palette"]')).click();
  await waitFor(b, '[data-testid="command-palette"]');
  await b.keys('语言');
  await b.pause(300);
  await shot('palette', { root: '[data-testid="command-palette"]' });
  const titles = await b.execute(() => [...document.querySelectorAll('[data-testid="command-palette"] li .title')].map((e) => e.textContent));
  assert.ok(titles.includes('语言：English'), `the palette offers the languages: ${titles}`);
  await closeModals(b);
});

test("the core's own error message comes in Chinese (a taken profile name)", async () => {
  await goto(b, 'profiles');
  await (await waitFor(b, '[data-testid="profile-new"]')).click();
  const form = await waitFor(b, '[data-testid="profile-form"]');
  await (await form.$('input[name="name"]')).setValue('Sandbox');
  await (await form.$('input[name="accessKeyId"]')).setValue('LTAIFAKEFAKEFAKE');
  await (await form.$('input[name="accessKeySecret"]')).setValue('fake-secret-for-tests');
  await (await b.$('[data-testid="profile-save"]')).click();
  await b.waitUntil(async () => (await (await form.$('input[name="name"]')).getAttribute('aria-invalid')) === 'true', {
    timeout: 10000,
    timeoutMsg: 'the taken name is never marked',
  });
  const said = await b.execute(() => document.querySelector('[data-testid="profile-form"] #pf-name')?.parentElement?.querySelector('.err')?.textContent.trim());
  assert.equal(said, '已存在名为“Sandbox”的配置档案');
  await screenshot(b, 'zh-cn-profile-name-taken');
  await closeModals(b);
});

test('at 900×560 the header and the key columns stay inside the viewport in Chinese', async () => {
  await resize(b, 900, 560);
  await assertKeyControlsInside(b, (page) => screenshot(b, `zh-cn-900x560-${page}`));
  await goto(b, 'eips');
  // The row's cell by script: at this size WebDriver may find the first cell under the pinned header.
  await b.execute((id) => document.querySelector(`[data-testid="eip-table"] tbody tr[data-key="${id}"] td:first-child`).click(), FREE_EIP);
  await b.keys('Enter');
  await waitFor(b, '[data-testid="details-panel"]');
  await screenshot(b, `zh-cn-900x560-details`);
  await b.keys('Escape');
  await goto(b, 'profiles');
  await screenshot(b, `zh-cn-900x560-profiles`);
  await resize(b, 1280, 800);
});

test('the language control switches to English and back without a restart', async () => {
  await goto(b, 'eips');
  const select = await waitFor(b, '[data-testid="language-select"]');
  await select.selectByAttribute('value', 'en');
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('nav button[data-page="eips"]').textContent.trim())) === 'Elastic IPs', { timeout: 5000 });
  assert.equal(await b.execute(() => document.documentElement.lang), 'en');
  await b.waitUntil(async () => (await hangzhouOption()) === 'China (Hangzhou) (cn-hangzhou)', { timeout: 5000, timeoutMsg: `region names stayed: ${await hangzhouOption()}` });
  await (await waitFor(b, '[data-testid="language-select"]')).selectByAttribute('value', 'system');
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('nav button[data-page="eips"]').textContent.trim())) === '弹性公网IP', { timeout: 5000 });
  await b.waitUntil(async () => (await hangzhouOption()) === '华东1（杭州）（cn-hangzhou）', { timeout: 5000 });
});
