// One app per data directory: a second launch on the same EIPDESK_HOME (the same journal)
// hands over to the first (which focuses its window) and exits; the first keeps running.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { APP, launchApp } from '../lib/app.mjs';
import { appPids } from '../lib/sandbox.mjs';

let app;

before(async () => {
  app = await launchApp('single-instance');
  await (await app.browser.$('[data-testid="open-bind-sheet"]')).waitForExist({ timeout: 30000 });
});
after(async () => {
  await app?.close();
});

test('a second launch on the same data directory exits and leaves the first running', async () => {
  assert.equal(appPids(app.home).length, 1);
  const second = spawn(APP, [], { env: { ...process.env, EIPDESK_HOME: app.home }, stdio: 'ignore' });
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      reject(new Error('the second launch kept running'));
    }, 30000);
    second.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0);
  assert.equal(appPids(app.home).length, 1, 'only the first app runs');
  // The first window still answers.
  assert.equal(await app.browser.execute(() => document.title), 'EIP Desk');
});
