// Launches the real EIP Desk binary through tauri-driver (one driver per app, so each spec
// gets its own data directory) and hands back a WebdriverIO browser.
import { spawn, execFile } from 'node:child_process';
import { closeSync, mkdtempSync, mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { remote } from 'webdriverio';

const need = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the suite with \`cargo xtask test e2e\``);
  return v;
};

export const APP = need('EIPDESK_APP');
export const OUT = need('E2E_OUT');
const DRIVER = need('TAURI_DRIVER');
const SCRATCH = need('E2E_SCRATCH');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/**
 * Starts the app through its own tauri-driver. The data directory (and the WebView's storage
 * with it) is fresh unless `home` is given (to restart an app on the same data). The driver, WebKitWebDriver and the app run in a
 * process group of their own with their output in `target/e2e/logs/`, so `close()` can end
 * them all and nothing left behind holds the test runner's pipes open. `env` adds variables
 * (a spec forces the OS language with `LANGUAGE`/`LANG`).
 */
export async function launchApp(name, { home, env = {} } = {}) {
  mkdirSync(SCRATCH, { recursive: true });
  const dataDir = home ?? mkdtempSync(join(SCRATCH, `home-${name}-`));
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const nativePort = await freePort();
  const logs = join(OUT, 'logs');
  mkdirSync(logs, { recursive: true });
  const log = openSync(join(logs, `${name}.log`), 'a');
  const driver = spawn(DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
    // WebKit keeps the page's localStorage (remembered region scope, columns, theme) under
    // XDG_DATA_HOME: one per data directory, so a spec never starts with another's choices
    // and a restart on the same `home` keeps them, as a real restart does.
    env: { ...process.env, ...env, EIPDESK_HOME: dataDir, XDG_DATA_HOME: join(dataDir, 'xdg-data') },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const stopAll = (signal) => {
    try {
      process.kill(-driver.pid, signal);
    } catch {
      // already gone
    }
  };
  try {
    await waitForPort(port);
  } catch (e) {
    stopAll('SIGKILL');
    throw e;
  }
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    connectionRetryCount: 2,
    capabilities: { 'tauri:options': { application: APP } },
  });
  return {
    browser,
    home: dataDir,
    async close() {
      await browser.deleteSession().catch(() => {});
      stopAll('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      stopAll('SIGKILL');
    },
  };
}

/** Saves the webview (WebDriver) and the whole Xvfb screen (ImageMagick) under target/e2e. */
export async function screenshot(browser, name) {
  mkdirSync(OUT, { recursive: true });
  // Under load WebKit can paint a frame or two behind the DOM: let two frames pass first.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await browser.saveScreenshot(join(OUT, `${name}.png`));
  await promisify(execFile)('import', ['-window', 'root', join(OUT, `${name}-screen.png`)]).catch(
    (e) => console.warn(`screen capture failed: ${e.message}`),
  );
}

/** The rows currently in the EIP table: `{ allocationId, region, ip, status, boundTo, mode }`. */
export async function eipRows(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="eip-table"] tbody tr')].map((tr) => {
      const cell = (column) => tr.querySelector(`td[data-column="${column}"]`)?.textContent.trim() ?? '';
      return {
        allocationId: tr.getAttribute('data-allocation-id'),
        region: tr.getAttribute('data-region'),
        ip: cell('ip'),
        status: cell('status'),
        boundTo: cell('boundTo'),
        mode: cell('mode'),
      };
    }),
  );
}
