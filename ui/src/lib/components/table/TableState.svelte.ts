/**
 * The state of one resource table, kept outside components so it survives page switches:
 * search query, quick-filter selections, sort, column preferences (remembered), the
 * selected row and whether its details are open. Rows flow source → sorted → filtered →
 * searched; each stage is derived, so a keystroke only re-runs the search over rows
 * already sorted and filtered. Search and quick-filter counts also depend on the language
 * (cells are worded in it): a switch rebuilds the search text.
 *
 * Components read the state through getters and change it only through the methods.
 */
import type { TableId } from '../../backend';
import { SearchIndex, sortByKey, type ColumnDef, type SortDir } from '../../table';
import { jsonCodec, Persisted, type KeyValueStore } from '../../persisted.svelte';
import { language } from '../../i18n';
import {
  applyFilters,
  defaultPrefs,
  facetOptions,
  moveColumn,
  moveColumnBefore,
  normalizePrefs,
  prefsKey,
  setWidth,
  toggleColumn,
  visibleColumns,
  type ColumnPrefs,
  type FilterDef,
} from './model';

export interface TableOptions<T> {
  /** Which resource table (also the storage key of its column preferences). */
  id: TableId;
  columns: ColumnDef<T>[];
  filters: FilterDef<T>[];
  key: (row: T) => string;
  /** Where the rows come from (read reactively). */
  source: () => readonly T[];
  sort?: { id: string; dir: SortDir };
  /** Where column preferences are remembered; `localStorage` unless given (tests). */
  store?: KeyValueStore;
}

/**
 * Remembers the last result of `fn` by the identity of its arguments. Svelte recomputes a
 * derived that no effect is watching each time it is read (a table whose page is not
 * shown); this keeps that from re-sorting 10,000 rows when nothing changed.
 */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let value!: R;
  return (...args: A) => {
    if (last && args.length === last.length && args.every((a, i) => a === last?.[i])) return value;
    value = fn(...args);
    last = args;
    return value;
  };
}

export class TableState<T extends object> {
  readonly id: TableId;
  readonly columns: ColumnDef<T>[];
  readonly filterDefs: FilterDef<T>[];
  readonly key: (row: T) => string;
  private readonly source: () => readonly T[];
  private readonly index: SearchIndex<T>;

  #query = $state('');
  #filters: Record<string, string> = $state({});
  #sort: { id: string; dir: SortDir } | null = $state(null);
  readonly #prefs: Persisted<ColumnPrefs>;
  #selectedKey: string | null = $state(null);
  #detailsOpen = $state(false);
  #reveal: { key: string; seq: number } | null = $state(null);
  private revealSeq = 0;

  /** The search text. */
  get query(): string {
    return this.#query;
  }
  /** The quick-filter selections by filter ID (`''` or absent: all). */
  get filters(): Readonly<Record<string, string>> {
    return this.#filters;
  }
  get sort(): { readonly id: string; readonly dir: SortDir } | null {
    return this.#sort;
  }
  /** Column order, hidden columns and widths; remembered per table. */
  get prefs(): ColumnPrefs {
    return this.#prefs.current;
  }
  get selectedKey(): string | null {
    return this.#selectedKey;
  }
  get detailsOpen(): boolean {
    return this.#detailsOpen;
  }
  /** A request for the view to scroll a row into view. */
  get reveal(): { readonly key: string; readonly seq: number } | null {
    return this.#reveal;
  }

  private readonly sortMemo = memo((rows: readonly T[], id: string | undefined, dir: SortDir | undefined) => {
    const col = id ? this.columns.find((c) => c.id === id) : undefined;
    return col && dir ? sortByKey(rows, col.value, dir, col.lexical) : (rows as T[]);
  });
  private readonly filterMemo = memo((rows: T[], selected: Record<string, string>) => applyFilters(rows, this.filterDefs, selected));
  private readonly searchMemo = memo((rows: T[], query: string, locale: string) => {
    this.index.useLocale(locale);
    return this.narrow(rows, query, locale);
  });
  private lastSearch: { rows: T[]; query: string; locale: string; result: T[] } | null = null;

  /**
   * Typing adds to the query, and every row matching the longer query matched the shorter
   * one (each old term is contained in a new term); so a longer query filters the previous
   * result instead of every row.
   */
  private narrow(rows: T[], query: string, locale: string): T[] {
    const last = this.lastSearch;
    const same = last && last.rows === rows && last.locale === locale && last.query.trim() !== '';
    const base = same && query.startsWith(last.query) ? last.result : rows;
    const result = this.index.filter(base, query);
    this.lastSearch = { rows, query, locale, result };
    return result;
  }
  private readonly choicesMemo = memo((rows: readonly T[], query: string, selected: Record<string, string>, locale: string) => {
    this.index.useLocale(locale);
    return facetOptions(this.index.filter(rows, query), this.filterDefs, selected);
  });
  private readonly keyMemo = memo((rows: readonly T[]) => new Map(rows.map((r) => [this.key(r), r])));
  private readonly columnsMemo = memo((prefs: ColumnPrefs) => visibleColumns(this.columns, prefs));

  all = $derived.by(() => this.source());
  byKey = $derived.by(() => this.keyMemo(this.all));
  sorted = $derived.by(() => this.sortMemo(this.all, this.sort?.id, this.sort?.dir));
  filtered = $derived.by(() => this.filterMemo(this.sorted, this.filters));
  visible = $derived.by(() => this.searchMemo(this.filtered, this.query, language.current));
  shownColumns = $derived.by(() => this.columnsMemo(this.prefs));
  /** Quick-filter choices with counts that honour the search and the other filters. */
  filterChoices = $derived.by(() => this.choicesMemo(this.all, this.query, this.filters, language.current));
  selectedRow = $derived.by(() => (this.selectedKey ? (this.byKey.get(this.selectedKey) ?? null) : null));
  selectedIndex = $derived.by(() => (this.selectedKey ? this.visible.findIndex((r) => this.key(r) === this.selectedKey) : -1));

  constructor(options: TableOptions<T>) {
    this.id = options.id;
    this.columns = options.columns;
    this.filterDefs = options.filters;
    this.key = options.key;
    this.source = options.source;
    this.index = new SearchIndex(options.columns);
    this.#sort = options.sort ?? null;
    const columns = options.columns;
    this.#prefs = new Persisted(prefsKey(options.id), defaultPrefs(columns), {
      // Saved preferences are fitted to today's columns (renamed or new ones).
      codec: jsonCodec((raw) => normalizePrefs(raw as Partial<ColumnPrefs> | null, columns)),
      store: options.store,
    });
    // Build the search text of new rows while the app is idle, so the first keystroke
    // does not pay for it.
    $effect.root(() => {
      $effect(() => {
        const rows = this.all;
        const locale = language.current;
        const timer = setTimeout(() => {
          this.index.useLocale(locale);
          this.index.warm(rows);
        }, 200);
        return () => clearTimeout(timer);
      });
    });
  }

  search(query: string) {
    this.#query = query;
  }

  /** Shows or hides a column (the last shown one stays). */
  showColumn(id: string, show: boolean) {
    this.#prefs.current = toggleColumn(this.prefs, id, show);
  }

  /** Moves a column `delta` places in the order. */
  moveColumn(id: string, delta: number) {
    this.#prefs.current = moveColumn(this.prefs, id, delta);
  }

  /** Moves column `id` to where `before` is. */
  moveColumnBefore(id: string, before: string) {
    this.#prefs.current = moveColumnBefore(this.prefs, id, before);
  }

  /** Sets a column's width in pixels (clamped). */
  setWidth(id: string, width: number) {
    this.#prefs.current = setWidth(this.prefs, id, width);
  }

  /** Back to the columns as defined: order, visibility and widths. */
  resetColumns() {
    this.#prefs.current = defaultPrefs(this.columns);
  }

  sortBy(id: string) {
    if (this.#sort?.id === id) this.#sort = { id, dir: this.#sort.dir === 'asc' ? 'desc' : 'asc' };
    else this.#sort = { id, dir: 'asc' };
  }

  setFilter(id: string, value: string) {
    this.#filters = { ...this.#filters, [id]: value };
  }

  /** Forgets what the user was looking at (another profile's search, filters, selection). */
  resetView() {
    this.clearFilters();
    this.#selectedKey = null;
    this.#detailsOpen = false;
  }

  clearFilters() {
    this.#filters = {};
    this.#query = '';
  }

  select(key: string | null) {
    this.#selectedKey = key;
    if (!key) this.#detailsOpen = false;
  }

  selectIndex(index: number) {
    const row = this.visible[index];
    if (row) {
      this.#selectedKey = this.key(row);
      this.#reveal = { key: this.#selectedKey, seq: ++this.revealSeq };
    }
  }

  open(key?: string) {
    if (key) this.#selectedKey = key;
    if (this.#selectedKey) this.#detailsOpen = true;
  }

  close() {
    this.#detailsOpen = false;
  }

  /** Selects a row by key, clearing search and filters that hide it, and opens its details. */
  focus(key: string) {
    if (!this.visible.some((r) => this.key(r) === key)) this.clearFilters();
    this.#selectedKey = key;
    this.#detailsOpen = true;
    this.#reveal = { key, seq: ++this.revealSeq };
  }
}
