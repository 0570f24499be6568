/**
 * The only module that talks to Tauri. Components call `commands.*`, generated from the
 * Rust command functions (`commands.ts`), with the types generated from the Rust DTOs
 * (`bindings.ts`); tests and browser previews can replace the transport with
 * `@tauri-apps/api/mocks`.
 */
import { listen } from '@tauri-apps/api/event';
import type { RunView } from './bindings';
import { CLOSE_EVENT, RUN_EVENT } from './commands';

export type * from './bindings';
export { commands, CLOSE_EVENT, RUN_EVENT } from './commands';
export { BackendError, toBackendError } from './transport';

/** Calls `handler` with every change of a workflow run; returns a function that stops listening. */
export function onRunChanged(handler: (run: RunView) => void): Promise<() => void> {
  return listen<RunView>(RUN_EVENT, (event) => handler(event.payload));
}

/** Calls `handler` when a close of the window was held because runs are in progress. */
export function onCloseRequested(handler: () => void): Promise<() => void> {
  return listen<null>(CLOSE_EVENT, () => handler());
}
