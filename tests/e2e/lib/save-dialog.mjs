// Drives the OS save dialog (GTK's file chooser, opened by the app's backend) the way a user
// does, with real key presses: Xvfb runs no window manager, so the window is focused directly
// and keys are sent with xdotool (XTEST). WebDriver cannot reach it: it is not web content.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The X11 windows whose title matches `pattern` (a regular expression, as xdotool takes it). */
async function windows(pattern) {
  try {
    const { stdout } = await run('xdotool', ['search', '--onlyvisible', '--name', pattern]);
    return stdout.split('\n').filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

/** Waits for a visible window titled like `pattern` and gives it the keyboard. */
export async function waitForWindow(pattern, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await windows(pattern);
    if (found.length > 0) {
      const id = found.at(-1);
      await run('xdotool', ['windowfocus', '--sync', id]);
      await sleep(300); // GTK maps its widgets after the window itself
      return id;
    }
    assert.ok(Date.now() < deadline, `no window titled /${pattern}/ appeared`);
    await sleep(150);
  }
}

/** Waits until no visible window is titled like `pattern`. */
export async function waitForNoWindow(pattern, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while ((await windows(pattern)).length > 0) {
    assert.ok(Date.now() < deadline, `the window /${pattern}/ is still open`);
    await sleep(150);
  }
}

export async function keys(...names) {
  await run('xdotool', ['key', '--clearmodifiers', '--delay', '60', ...names]);
}

/** In the focused save dialog: replaces the file name with `path` (GTK takes a full path). */
export async function typeFileName(path) {
  await keys('ctrl+a');
  await run('xdotool', ['type', '--clearmodifiers', '--delay', '15', path]);
  await sleep(200);
}
