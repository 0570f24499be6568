// The app's in-process Sandbox emulator, seen from a spec: which processes run on a data
// directory, which port the Sandbox listens on, and its `/_emulator/` control API.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { APP } from './app.mjs';

/** TCP ports the app process listens on (the in-process Sandbox emulator among them). */
function listeningPorts(home) {
  const inodes = new Set();
  for (const pid of appPids(home)) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
  }
  const ports = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[3] === '0A' && inodes.has(f[9])) ports.push(parseInt(f[1].split(':')[1], 16));
    }
  }
  return ports;
}

/** The Sandbox emulator's address: the app's listening port that answers its control API. */
export async function sandboxEndpoint(home) {
  for (const port of listeningPorts(home)) {
    const url = `http://127.0.0.1:${port}`;
    const ok = await fetch(`${url}/_emulator/health`).then((r) => r.ok, () => false);
    if (ok) return url;
  }
  throw new Error(`no Sandbox control API on the app's ports ${listeningPorts(home)}`);
}

/** PIDs of the app processes running on the data directory `home`. */
export function appPids(home) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0];
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (cmd === APP && env.includes(`EIPDESK_HOME=${home}`)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Calls the control API of the Sandbox in the app running on `home` (JSON in and out). */
export async function sandboxControl(home, path, method = 'GET', body) {
  const res = await fetch(`${await sandboxEndpoint(home)}/_emulator/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(res.ok, `${method} /_emulator/${path}: ${res.status}`);
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
}
