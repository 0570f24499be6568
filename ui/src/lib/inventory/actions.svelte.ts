/**
 * Actions other features add to the details panel ("Bind in cut-through mode…", "Unbind…").
 * A feature registers an action for a resource kind; the panel shows it for the selected row,
 * disabled with a reason when `available` says so.
 *
 *   const off = rowActions.register({ id: 'bind', kind: 'eni', label: 'Bind…', run: (row) => … });
 */
import type { EipRow, EniRow, InstanceRow, ResourceKind } from '../backend';

export interface RowOfKind {
  eip: EipRow;
  eni: EniRow;
  instance: InstanceRow;
}

export interface RowAction<K extends ResourceKind = ResourceKind> {
  id: string;
  kind: K;
  label: string;
  /** `true` to enable, or the reason it is disabled. */
  available?: (row: RowOfKind[K]) => true | string;
  run: (row: RowOfKind[K]) => void;
  /** Drawn as the panel's main button. */
  primary?: boolean;
}

class RowActions {
  list: RowAction[] = $state.raw([]);

  /** Adds an action; returns a function that removes it. */
  register<K extends ResourceKind>(action: RowAction<K>): () => void {
    const entry = action as unknown as RowAction;
    this.list = [...this.list.filter((a) => a.id !== action.id), entry];
    return () => {
      this.list = this.list.filter((a) => a !== entry);
    };
  }

  for<K extends ResourceKind>(kind: K): RowAction<K>[] {
    return this.list.filter((a) => a.kind === kind) as unknown as RowAction<K>[];
  }
}

export const rowActions: Readonly<RowActions> = new RowActions();
