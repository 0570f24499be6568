/** Test fixtures for the profile logic (obviously fake values). */
import type { DeskProfile } from '../backend';

export function profile(over: Partial<DeskProfile> = {}): DeskProfile {
  return {
    sandboxEndpoint: false,
    sessionExpires: null,
    sessionExpired: false,
    id: 'p-0001',
    name: 'prod admin',
    mode: 'accessKey',
    region: 'cn-hangzhou',
    label: 'production',
    labelColor: 'red',
    accessKeyIdMasked: 'LTAI****ab12',
    accountId: '5678901234567890',
    stsExpiration: null,
    role: null,
    active: false,
    builtin: false,
    lastUsed: null,
    useCount: 0,
    importedFrom: null,
    endpoint: null,
    ...over,
  };
}

export const sandbox = (): DeskProfile =>
  profile({
    id: 'sandbox',
    name: 'Sandbox',
    mode: 'sandbox',
    label: 'test',
    labelColor: 'green',
    accessKeyIdMasked: null,
    accountId: null,
    builtin: true,
    sandboxEndpoint: true,
  });
