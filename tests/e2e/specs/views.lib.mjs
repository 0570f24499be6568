// Helpers for the layout, keyboard and accessibility specs: window sizes, themes, opening
// each page, the details panel, the bind sheet's stages and the dialogs, and where an
// element sits relative to the viewport.
import assert from 'node:assert/strict';
import { chooseTheme, openPage } from './tables.lib.mjs';

// From the emulator's deterministic demo seed (crates/alicloud-emulator/src/seed/demo_ids.rs).
export const FREE_EIP = 'eip-bp1vdcgzm41znfkjyd2x'; // free-a in cn-hangzhou, Available
export const SECONDARY_ENI = 'eni-bp1lofjktg4dbzdlyxgp'; // web-01-data: secondary ENI on web-01

export const SIZES = [
  [900, 560],
  [1024, 700],
  [1280, 800],
  [1920, 1080],
];
export const THEMES = ['light', 'dark'];
export const PAGES = ['eips', 'enis', 'instances', 'activity', 'profiles'];

/** Resizes the window and waits until the page has the new inner size. */
export async function resize(b, width, height) {
  await b.setWindowSize(width, height);
  await b.waitUntil(async () => (await b.execute(() => [innerWidth, innerHeight])).join() === `${width},${height}`, {
    timeout: 5000,
    timeoutMsg: `the window never became ${width}×${height} (is ${await b.execute(() => [innerWidth, innerHeight, !!document.querySelector('dialog[open]')].join())})`,
  });
  await b.pause(100);
}

export async function setTheme(b, theme) {
  if ((await b.execute(() => document.documentElement.dataset.theme ?? 'system')) !== theme) await chooseTheme(b, theme);
}

/** Closes whatever modal is open (sheet, palette, dialog) with Escape, until none is. */
export async function closeModals(b) {
  for (let i = 0; i < 4; i++) {
    const open = await b.execute(() => !!document.querySelector('dialog[open]'));
    if (!open) return;
    await b.keys('Escape');
    await b.pause(150);
  }
}

export async function goto(b, page) {
  await closeModals(b);
  await openPage(b, page);
  await b.waitUntil(async () => b.execute((p) => document.querySelector(`nav button[data-page="${p}"]`)?.getAttribute('aria-current') === 'page', page), { timeout: 5000 });
}

export async function waitFor(b, sel, timeout = 30000) {
  const el = await b.$(sel);
  await el.waitForExist({ timeout, timeoutMsg: `${sel} never appeared` });
  return el;
}

/** Opens the details of a row by clicking its first cell and pressing Enter. */
export async function openDetails(b, table, key) {
  const cell = await waitFor(b, `[data-testid="${table}"] tbody tr[data-key="${key}"] td:first-child`, 60000);
  await cell.click();
  await b.keys('Enter');
  await waitFor(b, '[data-testid="details-panel"]');
}

/** The bind sheet from the free EIP's row action, on its first stage. */
export async function openSheetChoose(b) {
  await goto(b, 'eips');
  await openDetails(b, 'eip-table', FREE_EIP);
  await (await waitFor(b, '[data-testid="details-panel"] button[data-action="bind-eip"]')).click();
  await waitFor(b, '[data-testid="bind-sheet"][data-stage="choose"]');
}

/** The bind sheet's plan for a cut-through bind of the free EIP to web-01's secondary ENI. */
export async function openSheetPlan(b) {
  await openSheetChoose(b);
  await waitFor(b, `[data-testid="choose-target"] [data-choice="${SECONDARY_ENI}"]`);
  await b.execute((id) => document.querySelector(`[data-testid="choose-target"] [data-choice="${id}"] input`).click(), SECONDARY_ENI);
  await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
  await (await b.$('[data-testid="bind-check"]')).click();
  await waitFor(b, '[data-testid="plan-steps"]');
}

/** The profile palette (Ctrl+K). */
export async function openPalette(b) {
  await closeModals(b);
  await (await waitFor(b, '[data-testid="active-profile"]')).click();
  await waitFor(b, '[data-testid="profile-switcher"]');
}

/** Bounding boxes of the elements matching `selectors`, with the viewport size. */
export async function boxes(b, selectors) {
  return b.execute((sels) => {
    const out = {};
    for (const s of sels) {
      const el = document.querySelector(s);
      const r = el?.getBoundingClientRect();
      out[s] = r && r.width > 0 ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
    }
    return { vw: innerWidth, vh: innerHeight, boxes: out };
  }, selectors);
}

/** Whether `box` lies entirely inside the viewport (one pixel of rounding allowed). */
export function inside(box, vw, vh) {
  return !!box && box.left >= -1 && box.top >= -1 && box.right <= vw + 1 && box.bottom <= vh + 1;
}

/** The header controls at the app's minimum size (layout.spec and zh-cn.spec check the same). */
export const HEADER_CONTROLS = ['.brand', '[data-testid="active-profile"]', '[data-testid="region-select"]', '[data-testid="open-bind-sheet"]', '[data-testid="open-palette"]', '[data-testid="header-more"]'];
/** Each table's priority columns, which must stay on screen at the minimum size. */
const KEY_COLUMNS = { eips: ['ip', 'status', 'boundTo', 'mode'], enis: ['id', 'status', 'cutThrough'], instances: ['id', 'status', 'eips'] };
const TABLES = { eips: 'eip-table', enis: 'eni-table', instances: 'instance-table' };

/**
 * At the current window size: the header controls are inside the viewport and the header
 * does not overflow; on each table page the pinned column and the priority columns are inside
 * it too. `afterPage(page)` runs once a page passed (a screenshot, say).
 */
export async function assertKeyControlsInside(b, afterPage = async () => {}) {
  const h = await boxes(b, HEADER_CONTROLS);
  const size = `${h.vw}×${h.vh}`;
  for (const s of HEADER_CONTROLS) assert.ok(inside(h.boxes[s], h.vw, h.vh), `${s} is outside the ${size} viewport: ${JSON.stringify(h.boxes[s])}`);
  const fits = await b.execute(() => document.documentElement.scrollWidth <= innerWidth && document.querySelector('header').scrollWidth <= document.querySelector('header').clientWidth);
  assert.ok(fits, 'nothing in the header overflows');
  for (const [page, columns] of Object.entries(KEY_COLUMNS)) {
    await goto(b, page);
    const sels = [`[data-testid="${TABLES[page]}"] th.pinned`, ...columns.map((c) => `[data-testid="${TABLES[page]}"] th button[data-column="${c}"]`)];
    // The table fits its columns once it has measured its new width (a resize observer).
    await b.waitUntil(async () => {
      const got = await boxes(b, sels);
      return sels.every((s) => inside(got.boxes[s], got.vw, got.vh));
    }, { timeout: 3000 }).catch(() => {});
    const got = await boxes(b, sels);
    for (const s of sels) assert.ok(inside(got.boxes[s], got.vw, got.vh), `${page}: ${s} is outside the ${size} viewport: ${JSON.stringify(got.boxes[s])}`);
    await afterPage(page);
  }
}
