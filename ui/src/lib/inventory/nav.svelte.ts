/**
 * Navigation between the resource tables: which page is shown, and "open this resource"
 * requests that a page answers by selecting the row and opening its details. Links in
 * details panels and other features (binding workflow, command palette) call `nav.open`.
 */
import type { ResourceKind } from '../backend';

export type PageId = 'eips' | 'enis' | 'instances' | (string & {});

/** A request to show one resource; `seq` makes repeated requests for the same row distinct. */
export interface FocusRequest {
  kind: ResourceKind;
  id: string;
  seq: number;
}

const PAGE_OF: Record<ResourceKind, PageId> = { eip: 'eips', eni: 'enis', instance: 'instances' };

class Nav {
  #page: PageId = $state('eips');
  #focus: FocusRequest | null = $state(null);
  private seq = 0;

  /** The page shown. */
  get page(): PageId {
    return this.#page;
  }

  /** The open-this-resource request no page has answered yet. */
  get focus(): FocusRequest | null {
    return this.#focus;
  }

  go(page: PageId) {
    this.#page = page;
  }

  /** Shows the resource's table, selects its row and opens its details. */
  open(kind: ResourceKind, id: string) {
    this.#focus = { kind, id, seq: ++this.seq };
    this.#page = PAGE_OF[kind];
  }

  /** Called by the page that showed `request`'s row: the request is done (a newer one stays). */
  answered(request: FocusRequest) {
    if (this.#focus?.seq === request.seq) this.#focus = null;
  }
}

export const nav = new Nav();
