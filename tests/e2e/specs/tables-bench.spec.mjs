// UI benchmark in the real app: the Sandbox seeded with scale:667 (10,005 EIPs, 10,005 ENIs
// and 5,010 instances over 15 regions). Reports how long the all-regions load takes to reach
// the table, the time to first render of the 10,000-row EIP table, and the time per
// keystroke in the search box, each measured inside the page up to the next painted frame.
// It prints numbers (targets: first render < 100 ms, keystroke < 50 ms), medians and bests
// (the best sample is the least disturbed by other work on a shared machine), and writes JSON
// to target/e2e/ui-bench.json; it asserts the rows are there, never wall-clock times.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

// Must be set before the app starts: a new Sandbox takes its seed from it.
process.env.EIPDESK_SANDBOX_SEED = 'scale:667';
// Under Xvfb, WebKit's accelerated compositing runs on Mesa's software GL (llvmpipe), which
// adds some 60 ms to every frame whatever the page does. Measure the page, not llvmpipe,
// unless E2E_BENCH_COMPOSITING=1 asks for the composited path.
const COMPOSITING = process.env.E2E_BENCH_COMPOSITING === '1';
if (!COMPOSITING) process.env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
const { launchApp, OUT } = await import('../lib/app.mjs');
const { chooseScope, chooseTheme, countText, openPage, waitForInventory } = await import('./tables.lib.mjs');

const EIPS = 15 * 667;
let app;
let browser;
const results = {};

before(async () => {
  app = await launchApp('tables-bench');
  browser = app.browser;
  await chooseTheme(browser, 'light');
});
after(async () => {
  await app?.close();
});

/**
 * Does `action` in the page (`open-eips`, or `search` with `text`) and resolves with the ms
 * until the second animation frame after it, i.e. until the result was painted. No `eval`:
 * the app's CSP forbids it.
 */
function timeToPaint(action, text = '') {
  return browser.executeAsync(
    (what, value, done) => {
      const t0 = performance.now();
      if (what === 'open-eips') {
        document.querySelector('nav button[data-page="eips"]').click();
      } else if (what === 'sort') {
        document.querySelector(`[data-testid="eip-table"] th button[data-column="${value}"]`).click();
      } else if (what === 'search') {
        const input = document.querySelector('[data-testid="eips-search"]');
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      // Svelte applies the change in a microtask; a 0 ms timer runs after it.
      let script = null;
      setTimeout(() => (script = performance.now() - t0), 0);
      requestAnimationFrame(() => requestAnimationFrame(() => done({ painted: performance.now() - t0, script })));
    },
    action,
    text,
  );
}

/** The digits of a counter ("10,005 EIPs" or "10005 EIPs", depending on the locale). */
const digits = (text) => text.replace(/\D/g, '');

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, median: at(0.5), p90: at(0.9), max: s[s.length - 1], min: s[0] };
}

test('all-regions load of 10,000 EIPs reaches the table', async () => {
  const t0 = Date.now();
  await chooseScope(browser, 'all');
  await waitForInventory(browser, 15, 240000);
  results.loadToTableMs = Date.now() - t0;
  assert.equal(digits(await countText(browser, 'eips')), String(EIPS));
  const rendered = await browser.execute(() => document.querySelectorAll('[data-testid="eip-table"] tbody tr').length);
  assert.ok(rendered > 0 && rendered < 100, `virtualized: ${rendered} rows in the DOM`);
  results.domRows = rendered;
  // How fast this webview runs plain JavaScript (a 5M-step loop; about 5 ms in Node's V8).
  results.jsLoopMs = await browser.execute(() => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 5_000_000; i++) x += i % 7;
    return x > 0 ? performance.now() - t0 : -1;
  });
});

test('time to first render of the 10,000-row EIP table', async () => {
  // Two frames with nothing to do: what painting alone costs here (software rendering).
  const idle = [];
  for (let i = 0; i < 5; i++) idle.push((await timeToPaint('nothing')).painted);
  results.idleFrameMs = stats(idle);
  const samples = [];
  const scripts = [];
  for (let i = 0; i < 10; i++) {
    await openPage(browser, 'instances');
    await browser.pause(100);
    const t = await timeToPaint('open-eips');
    samples.push(t.painted);
    scripts.push(t.script ?? t.painted);
    const rows = await browser.execute(() => document.querySelectorAll('[data-testid="eip-table"] tbody tr').length);
    assert.ok(rows > 0, 'rows painted');
  }
  results.firstRenderMs = stats(samples);
  results.firstRenderScriptMs = stats(scripts);
});

test('time to re-sort the 10,000 rows and redraw', async () => {
  await openPage(browser, 'eips');
  const samples = [];
  for (const column of ['region', 'region', 'allocationId', 'ip']) samples.push((await timeToPaint('sort', column)).painted);
  results.sortMs = stats(samples);
});

test('time per keystroke in the search box over 10,000 rows', async () => {
  await openPage(browser, 'eips');
  const typed = '47.1';
  const samples = [];
  const scripts = [];
  for (let round = 0; round < 6; round++) {
    for (let i = 1; i <= typed.length; i++) {
      const t = await timeToPaint('search', typed.slice(0, i));
      samples.push(t.painted);
      scripts.push(t.script ?? t.painted);
    }
    // Deleting is a keystroke too.
    const t = await timeToPaint('search', '');
    samples.push(t.painted);
    scripts.push(t.script ?? t.painted);
  }
  assert.equal(digits(await countText(browser, 'eips')), String(EIPS));
  results.keystrokeMs = stats(samples);
  results.keystrokeScriptMs = stats(scripts);
});

test('report', () => {
  results.loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const line = (k, v) => console.log(`| ${k.padEnd(52)} | ${String(v).padStart(14)} |`);
  console.log(`\nUI benchmark: ${EIPS} EIP rows (Sandbox seed scale:667, all 15 regions), WebKit compositing ${COMPOSITING ? 'on (llvmpipe)' : 'off'}`);
  console.log(`| ${'measure'.padEnd(52)} | ${'value'.padStart(14)} |`);
  console.log(`|${'-'.repeat(54)}|${'-'.repeat(16)}|`);
  line('all-regions load until the table shows every row', `${results.loadToTableMs} ms`);
  line('rows in the DOM (virtualized)', results.domRows);
  line('plain JS speed: 5M-step loop (Node/V8: ~5 ms)', `${results.jsLoopMs?.toFixed(1)} ms`);
  line('machine load average (other work on the same cores)', results.loadAverage);
  const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} ms`);
  line('two idle frames (paint cost alone, median)', ms(results.idleFrameMs?.median));
  const f = results.firstRenderMs;
  line(`first render to paint, median of ${f?.n} (target < 100 ms)`, ms(f?.median));
  line('first render to paint, max', ms(f?.max));
  line('first render, script work only (median)', ms(results.firstRenderScriptMs?.median));
  line(`first render to paint, best of ${f?.n} (least disturbed)`, ms(f?.min));
  line('re-sort 10,000 rows and redraw (median of 4)', ms(results.sortMs?.median));
  const k = results.keystrokeMs;
  line(`search keystroke to paint, median of ${k?.n} (target < 50 ms)`, ms(k?.median));
  line('search keystroke to paint, p90', ms(k?.p90));
  line('search keystroke, script work only (median)', ms(results.keystrokeScriptMs?.median));
  line(`search keystroke to paint, best of ${k?.n} (least disturbed)`, ms(k?.min));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'ui-bench.json'), JSON.stringify({ eips: EIPS, compositing: COMPOSITING, ...results }, null, 2));
});
