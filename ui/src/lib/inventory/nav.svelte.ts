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
  page: PageId = $state('eips');
  focus: FocusRequest | null = $state(null);
  private seq = 0;

  go(page: PageId) {
    this.page = page;
  }

  /** Shows the resource's table, selects its row and opens its details. */
  open(kind: ResourceKind, id: string) {
    this.focus = { kind, id, seq: ++this.seq };
    this.page = PAGE_OF[kind];
  }
}

export const nav = new Nav();
