/**
 * How a command reaches the backend: Tauri's `invoke`, with every rejection turned into a
 * `BackendError` carrying the typed `ErrorDto`. `commands.ts` (generated) calls through it.
 */
import { invoke } from '@tauri-apps/api/core';
import type { ErrorDto } from './bindings';
import { m } from '../i18n';

/** An error from the backend, with the Alibaba Cloud code and request ID when there is one. */
export class BackendError extends Error {
  readonly dto: ErrorDto;
  constructor(dto: ErrorDto) {
    super(dto.message);
    this.name = 'BackendError';
    this.dto = dto;
  }
}

/** Turns whatever a command rejected with into a `BackendError`. */
export function toBackendError(raw: unknown): BackendError {
  if (raw instanceof BackendError) return raw;
  if (raw && typeof raw === 'object' && 'kind' in raw && 'message' in raw) {
    return new BackendError(raw as ErrorDto);
  }
  return new BackendError({
    kind: 'internal',
    code: 'Ipc',
    message: typeof raw === 'string' ? raw : m.err_backend_silent(),
    requestId: null,
    hint: null,
    words: null,
    recommend: null,
  });
}

/** Invokes `command`; rejects with a `BackendError`. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toBackendError(raw);
  }
}
