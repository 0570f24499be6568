import { describe, expect, it } from 'vitest';
import { formatExpiry, formatRelative } from './format';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('formatRelative', () => {
  it('reads like a person would say it', () => {
    expect(formatRelative(null, NOW)).toBe('never');
    expect(formatRelative('2026-06-01T11:59:50Z', NOW)).toBe('just now');
    expect(formatRelative('2026-06-01T11:55:00Z', NOW)).toBe('5 min ago');
    expect(formatRelative('2026-06-01T09:00:00Z', NOW)).toBe('3 h ago');
    expect(formatRelative('2026-05-31T12:00:00Z', NOW)).toBe('1 day ago');
    expect(formatRelative('2026-05-20T12:00:00Z', NOW)).toBe('12 days ago');
    expect(formatRelative('garbage', NOW)).toBe('garbage');
  });
});

describe('formatExpiry', () => {
  it('says how long is left or how long ago it expired', () => {
    expect(formatExpiry('2026-06-01T12:59:00Z', NOW)).toEqual({ text: 'in 59 min', expired: false });
    expect(formatExpiry('2026-06-01T11:57:00Z', NOW)).toEqual({ text: 'expired 3 min ago', expired: true });
  });
});
