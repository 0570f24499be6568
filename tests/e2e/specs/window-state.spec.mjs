// The main window comes back where the user left it (tauri-plugin-window-state): moved and
// resized, then closed as a window manager closes it (WM_DELETE_WINDOW), the app saves
// `window-state.json` in its data directory and the next start on the same data directory
// opens at that size and place; a start on a data directory holding a saved state opens as
// that file says. Not covered: the maximised state (also saved and restored, see
// src-tauri/src/window_state.rs). Xvfb runs no window manager, and without one GTK neither
// maximises a window nor reports or requests a maximised state, so there is nothing to see.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { launchApp } from '../lib/app.mjs';
import { appPids } from '../lib/sandbox.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const MOVED = { x: 64, y: 48, width: 1040, height: 660 };

/** The app's top-level X11 window (the one titled "EIP Desk"). */
async function windowId() {
  for (let i = 0; i < 100; i++) {
    const { stdout } = await run('xwininfo', ['-root', '-tree']);
    const line = stdout.split('\n').find((l) => l.includes('"EIP Desk"'));
    if (line) return line.trim().split(/\s+/)[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no "EIP Desk" window');
}

/** Its outer geometry on the screen. */
async function geometry(id) {
  const { stdout } = await run('xwininfo', ['-id', id]);
  const n = (label) => Number(new RegExp(`${label}:\\s+(-?\\d+)`).exec(stdout)?.[1]);
  return { x: n('Absolute upper-left X'), y: n('Absolute upper-left Y'), width: n('Width'), height: n('Height') };
}

async function waitFor(what, check, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last === true) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: ${JSON.stringify(last)}`);
}

async function closeLikeAWindowManager(app) {
  await run('python3', [join(here, '../lib/wm-close.py'), await windowId()]);
  await waitFor('the app quit', () => appPids(app.home).length === 0 || appPids(app.home));
  await app.close();
}

const saved = (home) => JSON.parse(readFileSync(join(home, 'window-state.json'), 'utf8')).main;

test('size and position are saved on close and restored at the next start', async () => {
  const app = await launchApp('window-state');
  await (await app.browser.$('.brand')).waitForExist({ timeout: 30000 });
  const id = await windowId();
  await run('xdotool', ['windowsize', id, String(MOVED.width), String(MOVED.height)]);
  await run('xdotool', ['windowmove', id, String(MOVED.x), String(MOVED.y)]);
  await waitFor('the window took the new size and place', async () => {
    const g = await geometry(id);
    return JSON.stringify(g) === JSON.stringify(MOVED) || g;
  });
  assert.ok(!existsSync(join(app.home, 'window-state.json')), 'nothing saved before the close');
  await closeLikeAWindowManager(app);

  const state = saved(app.home);
  assert.equal(state.width, MOVED.width);
  assert.equal(state.height, MOVED.height);
  assert.equal(state.x, MOVED.x);
  assert.equal(state.y, MOVED.y);
  assert.equal(state.maximized, false);

  const again = await launchApp('window-state-2', { home: app.home });
  try {
    const g = await geometry(await windowId());
    assert.deepEqual(g, MOVED, 'the window opens where it was closed');
  } finally {
    await again.close();
  }
});

test('the next start takes the size and place from the saved file', async () => {
  const home = mkdtempSync(join(process.env.E2E_SCRATCH, 'home-window-state-file-'));
  const want = { x: 210, y: 130, width: 990, height: 610 };
  writeFileSync(
    join(home, 'window-state.json'),
    JSON.stringify({ main: { ...want, prev_x: want.x, prev_y: want.y, maximized: false, visible: true, decorated: true, fullscreen: false } }),
  );
  const app = await launchApp('window-state-file', { home });
  try {
    const g = await geometry(await windowId());
    assert.deepEqual(g, want, 'the window opens as the file says');
  } finally {
    await app.close();
  }
});
