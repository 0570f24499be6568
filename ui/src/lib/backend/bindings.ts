// placeholder until generated
export type ErrorKind = 'throttling' | 'transient' | 'auth' | 'notFound' | 'invalidState' | 'invalidInput' | 'transport' | 'keychain' | 'internal';
export type ErrorDto = { kind: ErrorKind; code: string; message: string; requestId: string | null; hint: string | null };
export type AppInfo = { version: string; profileName: string; environment: string; defaultRegion: string };
export type RegionInfo = { id: string; name: string; cutThrough: boolean };
export type EipRow = { allocationId: string; ipAddress: string; status: string; instanceId: string | null; instanceType: string | null; mode: string | null; privateIpAddress: string | null; regionId: string; chargeType: string; bandwidth: string; name: string };
