/**
 * The actions of the selected row's details panel. Which actions a row has, and why one
 * cannot run now, are the core's rules (`commands.rowActions`); this module only names them
 * for people and hands a chosen action to whoever runs it (the bind sheet registers itself,
 * so the inventory does not depend on the workflow UI).
 */
import { m } from '../i18n';
import { commands, type EipRow, type EniRow, type InstanceRow, type ResourceKind, type ResourceRef, type RowAction, type RowActionId } from '../backend';

export interface RowOfKind {
  eip: EipRow;
  eni: EniRow;
  instance: InstanceRow;
}

/** The button text of each action, and its stable `data-action` name. */
export const ACTION_NAMES: Record<RowActionId, { label: string; name: string }> = {
  bindEip: { get label() { return m.action_bind_eip(); }, name: 'bind-eip' },
  unbindEip: { get label() { return m.action_unbind(); }, name: 'unbind-eip' },
  switchMode: { get label() { return m.action_switch(); }, name: 'switch-eip' },
  bindEniCutThrough: { get label() { return m.action_bind_cut_through(); }, name: 'bind-eni-cut-through' },
  bindEniNat: { get label() { return m.action_bind_nat(); }, name: 'bind-eni-nat' },
  bindInstance: { get label() { return m.action_bind_eip(); }, name: 'bind-instance' },
};

/** The reference of a row, as the backend names it. */
export function refOf<K extends ResourceKind>(kind: K, row: RowOfKind[K]): ResourceRef {
  const id =
    kind === 'eip' ? (row as EipRow).allocationId : kind === 'eni' ? (row as EniRow).networkInterfaceId : (row as InstanceRow).instanceId;
  return { kind, id, regionId: row.regionId };
}

class RowActions {
  #runner: ((action: RowAction) => void) | null = null;
  /** Bumped when the actions of unchanged rows may have changed (a run started or ended). */
  epoch = $state(0);

  invalidate(): void {
    this.epoch++;
  }

  /** Sets what running an action does; returns a function that removes it. */
  setRunner(runner: (action: RowAction) => void): () => void {
    this.#runner = runner;
    return () => {
      if (this.#runner === runner) this.#runner = null;
    };
  }

  /** The actions of a row, from the core. */
  load<K extends ResourceKind>(kind: K, row: RowOfKind[K]): Promise<RowAction[]> {
    return commands.rowActions(refOf(kind, row));
  }

  run(action: RowAction): void {
    this.#runner?.(action);
  }
}

export const rowActions: Readonly<RowActions> = new RowActions();
