/**
 * The language region names are asked for in (`DescribeRegions`' `AcceptLanguage`, the core's
 * `RegionLanguage`) for each UI locale, so the header scope, the sheets and the palette name
 * regions as Alibaba Cloud's console does in that language.
 */
import type { RegionLanguage } from '../backend';
import type { Locale } from '../i18n';

const BY_LOCALE: Record<Locale, RegionLanguage> = { en: 'en-US', 'zh-CN': 'zh-CN' };

export function regionLanguage(locale: Locale): RegionLanguage {
  return BY_LOCALE[locale];
}
