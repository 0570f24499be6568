/**
 * The words of what a plan says before it runs, from eipdesk-core's message keys: the rules
 * that block it (`blk_*` for a binding, `lcb_*` for a lifecycle job), what it breaks
 * (`brk_*`), its notes (`note_*`) and the warnings to confirm (`warn_*`); the form's choices
 * (`cd_*`) and why a choice or a row action is unavailable (`why_*`). Raw API values among the inputs (a mode,
 * a status, a billing method, a field) are worded for the locale; IDs and addresses pass
 * through, except the placeholders of resources a run has yet to create, which read "the
 * new EIP" / "the new ENI".
 */
import type { Blocker, ChoiceDetail, ImpactItem, ImpactText, LifecycleBlocker, PlanNote, ReasonText, UnconfirmedWarning, WarningView, WhyText } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText, type Localizers } from '../i18n/core_text';
import { cutThroughText } from '../inventory/reasons';
import { eniStatusText, modeLabel, statusText } from '../table';

const API_WORDS: Localizers = {
  mode: (mode) => modeLabel(mode) || mode,
  status: statusText,
};

const BILLING: Record<string, () => string> = {
  payByTraffic: m.stepWord_payByTraffic,
  payByBandwidth: m.stepWord_payByBandwidth,
  subscription: m.stepWord_subscription,
};
const FIELD: Record<string, () => string> = { name: m.lc_name, description: m.lc_description };

const blockerText = coreText<Blocker>()('blk', m, API_WORDS);
const billing = (b: string) => BILLING[b]?.() ?? b;
const lifecycleBlockerText = coreText<LifecycleBlocker>()('lcb', m, {
  ...API_WORDS,
  billing,
  field: (f) => FIELD[f]?.() ?? f,
});
const noteWords = coreText<PlanNote>()('note', m, { billing });
const whyText = coreText<WhyText>()('why', m, API_WORDS);

/** Words for raw API values that have no status or mode word (`apiw_<value>`). */
const API_VALUE: Record<string, () => string> = {
  EcsInstance: m.apiw_EcsInstance,
  NetworkInterface: m.apiw_NetworkInterface,
  SlbInstance: m.apiw_SlbInstance,
  Nat: m.apiw_Nat,
  PostPaid: m.apiw_PostPaid,
  PrePaid: m.apiw_PrePaid,
  Primary: m.apiw_Primary,
  Secondary: m.apiw_Secondary,
};
const apiValue = (v: string) => API_VALUE[v]?.() ?? v;
const detailWords = coreText<ChoiceDetail>()('cd', m, { ...API_WORDS, targetType: apiValue, chargeType: apiValue, eniType: apiValue });
// An ENI's InUse is 已绑定 in the ENI console, where an EIP's is 已分配.
const eniDetailWords = coreText<ChoiceDetail>()('cd', m, { ...API_WORDS, status: eniStatusText, eniType: apiValue });

/** A choice's second line (status and relations). */
export function choiceDetail(detail: ChoiceDetail, locale?: Locale): string {
  return detail.key === 'eni' || detail.key === 'eniAttached' ? eniDetailWords(detail, locale) : detailWords(detail, locale);
}
const impactWords = coreText<ImpactText>()('brk', m);
const warningWords = coreText<WarningView['text']>()('warn', m);

const PLACEHOLDER = /\b(eip|eni)-createdbystep\d+\b/g;

/** `text` with the placeholder IDs of resources not created yet named for people. */
export function namePlaceholders(text: string, locale?: Locale): string {
  const options = locale ? { locale } : {};
  return text.replace(PLACEHOLDER, (_, kind: string) => (kind === 'eip' ? m.created_newEip({}, options) : m.created_newEni({}, options)));
}

/** Why the plan cannot run (one rule), or why a choice or a row action cannot be used. */
export function reasonText(reason: ReasonText, locale?: Locale): string {
  const text = (() => {
    switch (reason.family) {
      case 'binding':
        return blockerText(reason.text, locale);
      case 'lifecycle':
        return lifecycleBlockerText(reason.text, locale);
      case 'cutThrough':
        return cutThroughText(reason.text, locale);
      case 'why':
        return whyText(reason.text, locale);
    }
  })();
  return namePlaceholders(text, locale);
}

/** One thing the plan breaks. */
export function impactText(item: ImpactText, locale?: Locale): string {
  return namePlaceholders(impactWords(item, locale), locale);
}

/** One note of the plan. */
export function noteText(note: PlanNote, locale?: Locale): string {
  return namePlaceholders(noteWords(note, locale), locale);
}

/** A warning to confirm; the acknowledgement of a disruptive plan lists what it breaks. */
export function warningText(warning: WarningView, impact: readonly ImpactItem[], locale?: Locale): string {
  const text = warningWords(warning.text, locale);
  const full = warning.text.key === 'disruptive' ? [text, ...impact.map((i) => impactText(i.text, locale))].join(' ') : text;
  return namePlaceholders(full, locale);
}

/** A warning a run refused to start without, as the error names it (a disruptive plan's
 * acknowledgement with what it breaks). */
export function unconfirmedText(warning: UnconfirmedWarning, locale?: Locale): string {
  const text = [warningWords(warning.text, locale), ...warning.impact.map((i) => impactWords(i, locale))].join(' ');
  return namePlaceholders(text, locale);
}
