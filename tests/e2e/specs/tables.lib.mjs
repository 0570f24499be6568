// Helpers for the resource-table specs: reading the virtualized tables, waiting for the
// inventory, typing into the search box, choosing pages, scope and theme.

/** Selects the region scope (`all` or a region ID) in the header. */
export async function chooseScope(browser, scope) {
  const select = await browser.$('[data-testid="region-select"]');
  await select.waitForExist({ timeout: 30000 });
  await browser.waitUntil(async () => (await select.getAttribute('disabled')) === null, { timeout: 30000 });
  await select.selectByAttribute('value', scope);
}

/** Opens a page from the sidebar (`eips`, `enis`, `instances`). */
export async function openPage(browser, page) {
  const button = await browser.$(`nav button[data-page="${page}"]`);
  await button.click();
}

/** Waits until every region of the scope has answered ("15/15 regions", not loading). */
export async function waitForInventory(browser, regions, timeout = 60000) {
  await browser.waitUntil(
    async () =>
      browser.execute((n) => {
        const p = document.querySelector('[data-testid="region-progress"]');
        const refreshed = document.querySelector('[data-testid="last-refreshed"]');
        return !!p && p.textContent.trim() === `${n}/${n} regions` && !!refreshed && refreshed.textContent.startsWith('Refreshed');
      }, regions),
    { timeout, interval: 200, timeoutMsg: `the inventory never finished loading ${regions} regions` },
  );
}

/** The rendered rows of a table: `{ key, region, cells: { columnId: text } }`. */
export async function tableRows(browser, testid) {
  return browser.execute((id) => {
    return [...document.querySelectorAll(`[data-testid="${id}"] tbody tr`)].map((tr) => {
      const cells = {};
      for (const td of tr.querySelectorAll('td')) cells[td.getAttribute('data-column')] = td.textContent.trim();
      return { key: tr.getAttribute('data-key'), region: tr.getAttribute('data-region'), selected: tr.getAttribute('aria-selected') === 'true', cells };
    });
  }, testid);
}

/** The "N EIPs" / "N of M EIPs" counter text. */
export async function countText(browser, table) {
  return (await browser.$(`[data-testid="${table}-count"]`)).getText();
}

/** Replaces the search text (input event, as typing does). */
export async function search(browser, table, text) {
  await browser.execute(
    (t, value) => {
      const input = document.querySelector(`[data-testid="${t}-search"]`);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    table,
    text,
  );
}

/** Waits until the counter reads `expected`. */
export async function waitForCount(browser, table, expected, timeout = 10000) {
  await browser.waitUntil(async () => (await countText(browser, table)) === expected, {
    timeout,
    interval: 100,
    timeoutMsg: `${table} count never became "${expected}" (is "${await countText(browser, table)}")`,
  });
}

/** Sets the theme through the sidebar selector. */
export async function chooseTheme(browser, theme) {
  const select = await browser.$('[data-testid="theme-select"]');
  await select.selectByAttribute('value', theme);
  await browser.waitUntil(
    async () => (await browser.execute(() => document.documentElement.dataset.theme ?? 'system')) === theme,
    { timeout: 5000 },
  );
}

/** Numeric key of an IPv4 address. */
export function ipKey(ip) {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}
