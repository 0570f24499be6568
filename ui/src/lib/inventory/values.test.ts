import { describe, expect, it } from 'vitest';
import type { EipRow, EniRow } from '../backend';
import { language } from '../i18n';
import { cellText } from '../table';
import { eipColumns, eipFilters, eniColumns, eniFilters } from './columns';
import { chargeTypeText, eniTypeText, meteringText, modeText, NONE, tagsText, targetText, verdictText } from './values';

function inLocale<R>(locale: 'en' | 'zh-CN', fn: () => R): R {
  language.set(locale);
  try {
    return fn();
  } finally {
    language.set('system');
  }
}

describe('raw API values', () => {
  it('are worded in both languages; unknown ones show as they are', () => {
    expect(inLocale('en', () => [chargeTypeText('PostPaid'), meteringText('PayByTraffic'), eniTypeText('Secondary')])).toEqual([
      'Pay-as-you-go',
      'Pay-by-traffic',
      'Secondary',
    ]);
    expect(inLocale('zh-CN', () => [chargeTypeText('PrePaid'), meteringText('PayByBandwidth'), eniTypeText('Primary')])).toEqual([
      '包年包月',
      '按固定带宽计费',
      '主网卡',
    ]);
    expect(chargeTypeText('SpotWithPriceLimit')).toBe('SpotWithPriceLimit');
    expect(chargeTypeText(null)).toBe('');
  });

  it('are worded in the quick-filter menus while the value filtered stays raw', () => {
    const eip = { mode: 'BINDED', binding: { target: 'eni' }, tags: [], status: 'InUse' } as unknown as EipRow;
    const filter = (id: string) => eipFilters.find((f) => f.id === id)!;
    expect(['status', 'mode', 'type', 'tags'].map((id) => filter(id).value(eip))).toEqual(['InUse', 'BINDED', 'eni', NONE]);
    expect(inLocale('zh-CN', () => ['status', 'mode', 'type', 'tags'].map((id) => filter(id).text!(filter(id).value(eip)!)))).toEqual([
      '已分配',
      '直通模式',
      '弹性网卡',
      '无标签',
    ]);
    expect(inLocale('en', () => [modeText(NONE), targetText(NONE), tagsText(NONE)])).toEqual(['Unbound', 'Unbound', 'No tags']);
    const eni = { cutThrough: { verdict: 'needsDetach' }, eniType: 'Secondary', status: 'Available', tags: ['team:edge'] } as unknown as EniRow;
    const cut = eniFilters.find((f) => f.id === 'cutThrough')!;
    expect(cut.value(eni)).toBe('needsDetach');
    expect(inLocale('zh-CN', () => cut.text!('needsDetach'))).toBe('卸载后可直通');
    expect(inLocale('en', () => verdictText('needsDetach'))).toBe('After detach');
  });

  it('are worded in the cells', () => {
    const row = { chargeType: 'PostPaid', internetChargeType: 'PayByTraffic' } as unknown as EipRow;
    const col = (id: string) => eipColumns.find((c) => c.id === id)!;
    expect(inLocale('zh-CN', () => [cellText(col('chargeType'), row), cellText(col('metering'), row)])).toEqual(['按量付费', '按使用流量计费']);
  });

  it('say InUse as each console does: an EIP 已分配, an ENI 已绑定', () => {
    const eni = { status: 'InUse' } as unknown as EniRow;
    const eip = { status: 'InUse' } as unknown as EipRow;
    const eniStatus = eniColumns.find((c) => c.id === 'status')!;
    const eipStatus = eipColumns.find((c) => c.id === 'status')!;
    const eniFilter = eniFilters.find((f) => f.id === 'status')!;
    expect(inLocale('zh-CN', () => [cellText(eniStatus, eni), eniFilter.text!('InUse'), cellText(eipStatus, eip)])).toEqual(['已绑定', '已绑定', '已分配']);
    expect(inLocale('zh-CN', () => cellText(eniStatus, { status: 'Available' } as unknown as EniRow))).toBe('可用');
  });
});
