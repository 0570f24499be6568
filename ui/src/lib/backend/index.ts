/**
 * The only module that talks to Tauri. Components call `commands.*`, generated from the
 * Rust command functions (`commands.ts`), with the types generated from the Rust DTOs
 * (`bindings.ts`); tests and browser previews can replace the transport with
 * `@tauri-apps/api/mocks`.
 */
import { listen } from '@tauri-apps/api/event';
import type { RunView } from './bindings';
import { RUN_EVENT } from './commands';

export type * from './bindings';
export { commands, RUN_EVENT } from './commands';
export { BackendError, toBackendError } from './transport';

/** Calls `handler` with every change of a workflow run; returns a function that stops listening. */
export function onRunChanged(handler: (run: RunView) => void): Promise<() => void> {
  return listen<RunView>(RUN_EVENT, (event) => handler(event.payload));
}
