/**
 * The words of eipdesk-core's cut-through reasons in the chosen language: the core sends a
 * message key with typed arguments (`CutThroughText`); this is the one place that turns it
 * into text. The switch is exhaustive, so a new key in the core fails `svelte-check` until it
 * has a message.
 */
import type { CutThroughText } from '../backend';
import { m, type Locale } from '../i18n';
import { modeLabel, statusText } from '../table';

export function cutThroughText(t: CutThroughText, locale?: Locale): string {
  const o = locale ? { locale } : {};
  switch (t.key) {
    case 'primaryEni':
      return m.reason_primaryEni({}, o);
    case 'notSecondary':
      return m.reason_notSecondary({ kind: t.kind }, o);
    case 'notInVpc':
      return m.reason_notInVpc({}, o);
    case 'regionUnsupported':
      return m.reason_regionUnsupported({ region: t.region }, o);
    case 'hasEip':
      return m.reason_hasEip({ ip: t.ip, mode: modeLabel(t.mode) || t.mode }, o);
    case 'hasSecondaryIps':
      return m.reason_hasSecondaryIps({ count: t.count }, o);
    case 'busy':
      return m.reason_busy({ status: statusText(t.status) }, o);
    case 'serviceManaged':
      return m.reason_serviceManaged({}, o);
    case 'attached':
      return m.reason_attached({ instance: t.instance }, o);
    default: {
      const unknown: never = t;
      return String(unknown);
    }
  }
}
