// Accessibility audit (issue 15): axe-core (the UI's dev dependency) runs in the real app on
// every page, the details panel, the narrow table menus, the bind sheet's stages and each
// dialog (the profile form and the import dialog too), in the light and the
// dark theme. Any serious or critical violation fails the spec; the count per view is printed
// as a table, with the rule, the impact and the first offending elements of each violation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchApp } from '../lib/app.mjs';
import { keys, typeFileName, waitForWindow } from '../lib/save-dialog.mjs';
import { chooseScope, waitForInventory } from './tables.lib.mjs';
import { FREE_EIP, PAGES, THEMES, closeModals, goto, openDetails, openPalette, openSheetChoose, openSheetPlan, resize, setTheme, waitFor } from './views.lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const AXE = readFileSync(join(here, '../../../ui/node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let app;
let b;
before(async () => {
  app = await launchApp('a11y');
  b = app.browser;
  await resize(b, 1280, 800);
  const brand = await b.$('.brand');
  await brand.waitForExist({ timeout: 30000 });
  await brand.click();
  await chooseScope(b, 'all');
  await waitForInventory(b, 15);
});
after(async () => {
  await app?.close();
});

/** Runs axe on the document (a modal dialog makes the rest inert, so axe sees what a user can). */
async function audit() {
  const loaded = await b.execute(() => typeof window.axe !== 'undefined');
  if (!loaded) await b.execute(`${AXE}\n;return true;`);
  return b.executeAsync((tags, done) => {
    window.axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) =>
        done(
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.length,
            targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
          })),
        ),
      )
      .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: 0, targets: [] }]));
  }, TAGS);
}

/** Confirms the plan's warnings, runs it and waits until the run completed. */
async function runToEnd() {
  await b.execute(() => document.querySelectorAll('[data-testid="plan-warnings"] input[type="checkbox"]').forEach((i) => i.click()));
  await (await b.$('[data-testid="bind-run"]')).click();
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-testid="run-timeline"]')?.getAttribute('data-status'))) === 'completed', {
    timeout: 60000,
    timeoutMsg: 'the run never completed',
  });
}

const VIEWS = [
  ...PAGES.map((page) => ({ name: `page ${page}`, open: () => goto(b, page) })),
  {
    name: 'details panel (EIP)',
    open: async () => {
      await goto(b, 'eips');
      await openDetails(b, 'eip-table', FREE_EIP);
    },
  },
  {
    name: 'columns menu',
    open: async () => {
      await goto(b, 'eips');
      await (await b.$('[data-testid="eips-columns-button"]')).click();
      await waitFor(b, '[data-testid="eips-columns"]');
    },
  },
  {
    // The save dialog is GTK's own (not web content); what the page shows is the outcome bar.
    name: 'export outcome',
    open: async () => {
      await goto(b, 'enis');
      await (await b.$('[data-testid="enis-export-button"]')).click();
      await waitForWindow('^Export .* as CSV$');
      await typeFileName(join(app.home, 'exports', `a11y-${Date.now()}.csv`));
      await keys('Return');
      await waitFor(b, '[data-testid="enis-exported"]');
    },
    // Dismissed after its audit: the next view's header menu opens over where the bar sits.
    after: async () => {
      await (await b.$('[data-testid="enis-exported"] button[aria-label="Dismiss"]')).click();
    },
  },
  { name: 'header ⋯ menu (900×560)', open: async () => {
      await closeModals(b);
      await resize(b, 900, 560);
      await (await b.$('[data-testid="header-more"]')).click();
    }, after: async () => {
      await b.keys('Escape');
      await resize(b, 1280, 800);
    } },
  { name: 'table ⋯ menu (900×560)', open: async () => {
      await goto(b, 'eips');
      await resize(b, 900, 560);
      await (await b.$('[data-testid="eips-filters-button"]')).click();
      await waitFor(b, '[data-testid="eips-filter-status"]');
      await (await b.$('[data-testid="eips-tools-button"]')).click();
    }, after: async () => {
      await b.keys('Escape');
      await resize(b, 1280, 800);
    } },
  {
    name: 'profile form (new profile)',
    open: async () => {
      await goto(b, 'profiles');
      await (await b.$('[data-testid="profile-new"]')).click();
      await waitFor(b, '[data-testid="profile-form"][open]');
    },
  },
  {
    name: 'import dialog',
    open: async () => {
      await goto(b, 'profiles');
      await (await b.$('[data-testid="profile-import-open"]')).click();
      await waitFor(b, '[data-testid="profile-import"][open]');
      // The candidates (or "nothing found") are read from disk a moment after it opens.
      await b.waitUntil(async () => b.execute(() => !!document.querySelector('[data-testid="import-candidate"], [data-testid="import-nothing"]')), { timeout: 10000 }).catch(() => {});
    },
  },
  { name: 'sheet: choose', open: () => openSheetChoose(b) },
  { name: 'sheet: plan', open: () => openSheetPlan(b) },
  {
    // A real run to its end; its undo afterwards leaves the EIP free for the next views.
    name: 'sheet: run (completed)',
    open: async () => {
      await openSheetPlan(b);
      await runToEnd();
    },
    after: async () => {
      await (await waitFor(b, '[data-testid="run-undo"]')).click();
      await b.waitUntil(async () => (await b.$('[data-testid="bind-check"]')).isEnabled(), { timeout: 20000 });
      await (await b.$('[data-testid="bind-check"]')).click();
      await waitFor(b, '[data-testid="plan-steps"]');
      await runToEnd();
    },
  },
  { name: 'profile palette', open: () => openPalette(b) },
  {
    name: 'command palette',
    open: async () => {
      await closeModals(b);
      await b.keys(['Control', 'p']);
      await waitFor(b, '[data-testid="command-palette"]');
      await b.keys([...'47.98']);
    },
  },
];

test('axe-core: no serious or critical violation on any page, sheet stage or dialog, in both themes', async () => {
  const table = [];
  const failures = [];
  for (const theme of THEMES) {
    await closeModals(b);
    await setTheme(b, theme);
    for (const view of VIEWS) {
      await view.open();
      await b.pause(200);
      const violations = await audit();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      table.push({ view: view.name, theme, serious: serious.length, other: violations.length - serious.length, rules: violations.map((v) => `${v.id}(${v.impact},${v.nodes})`).join(' ') });
      for (const v of serious) failures.push(`${theme} · ${view.name}: ${v.id} (${v.impact}, ${v.nodes} nodes) ${v.help}\n    ${v.targets.join('\n    ')}`);
      if (view.after) await view.after();
      await closeModals(b);
    }
  }
  console.log('\naxe-core violations per view (serious+critical fail the spec):');
  console.table(table);
  assert.deepEqual(failures, [], `serious or critical violations:\n${failures.join('\n')}`);
});
