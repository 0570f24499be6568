// Launches the real EIP Desk binary through tauri-driver (one driver per app, so each spec
// gets its own data directory) and hands back a WebdriverIO browser.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
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

/** Starts the app with a fresh data directory; `close()` ends the session and the driver. */
export async function launchApp(name) {
  mkdirSync(SCRATCH, { recursive: true });
  const home = mkdtempSync(join(SCRATCH, `home-${name}-`));
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, EIPDESK_HOME: home },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(port);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    connectionRetryCount: 2,
    capabilities: { 'tauri:options': { application: APP } },
  });
  return {
    browser,
    home,
    async close() {
      await browser.deleteSession().catch(() => {});
      driver.kill('SIGTERM');
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
