import { describe, expect, it } from 'vitest';
import { formatExpiry, formatRelative } from './format';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('formatRelative', () => {
  it('reads like a person would say it, in English', () => {
    expect(formatRelative(null, NOW, 'en')).toBe('never');
    expect(formatRelative('2026-06-01T11:59:50Z', NOW, 'en')).toBe('just now');
    expect(formatRelative('2026-06-01T11:55:00Z', NOW, 'en')).toBe('5 min. ago');
    expect(formatRelative('2026-06-01T09:00:00Z', NOW, 'en')).toBe('3 hr. ago');
    expect(formatRelative('2026-05-31T12:00:00Z', NOW, 'en')).toBe('yesterday');
    expect(formatRelative('2026-05-20T12:00:00Z', NOW, 'en')).toBe('12 days ago');
    expect(formatRelative('garbage', NOW, 'en')).toBe('garbage');
  });

  it('and in Simplified Chinese', () => {
    expect(formatRelative(null, NOW, 'zh-CN')).toBe('从未');
    expect(formatRelative('2026-06-01T11:59:50Z', NOW, 'zh-CN')).toBe('刚刚');
    expect(formatRelative('2026-06-01T11:55:00Z', NOW, 'zh-CN')).toBe('5分钟前');
    expect(formatRelative('2026-05-20T12:00:00Z', NOW, 'zh-CN')).toBe('12天前');
  });
});

describe('formatExpiry', () => {
  it('says how long is left or how long ago it expired', () => {
    expect(formatExpiry('2026-06-01T12:59:00Z', NOW, 'en')).toEqual({ text: 'in 59 min.', expired: false });
    expect(formatExpiry('2026-06-01T11:57:00Z', NOW, 'en')).toEqual({ text: 'expired 3 min. ago', expired: true });
    expect(formatExpiry('2026-06-01T11:57:00Z', NOW, 'zh-CN')).toEqual({ text: '已于3分钟前过期', expired: true });
  });
});
