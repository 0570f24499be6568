/**
 * The words of plans and runs in the chosen language: eipdesk-core sends each step's title
 * (`StepTitle`), effect (`StepEffect`), the state it waits for (`WaitText`), the run's summary
 * (`RunSummary`) and the job (`JobKind`) as message keys with typed inputs; this is the one
 * place that words them. Inputs are worded by name as the core does for its English: a
 * placeholder ID of what the run creates (`eip-createdbystep0`) is "the new EIP", `mode`
 * (`NAT`, `BINDED`) and `billing` are named; IDs, addresses and API values stay verbatim.
 */
import type { JobKind, RunSummary, StepEffect, StepTitle, WaitText } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText, type Localizers } from '../i18n/core_text';

type Options = { locale?: Locale };
const options = (locale?: Locale): Options => (locale ? { locale } : {});

/** `eip-createdbystep0`: a resource the run has not created yet. */
const PLACEHOLDER = /^(eip|eni)-createdbystep\d+$/;

function resource(value: string, locale?: Locale): string {
  const kind = PLACEHOLDER.exec(value)?.[1];
  if (kind === 'eip') return m.stepWord_newEip({}, options(locale));
  if (kind === 'eni') return m.stepWord_newEni({}, options(locale));
  return value;
}

const MODES: Record<string, (i: Record<string, never>, o: Options) => string> = {
  BINDED: m.stepWord_cutThrough,
  NAT: m.stepWord_nat,
};

const BILLING: Record<string, (i: Record<string, never>, o: Options) => string> = {
  payByTraffic: m.stepWord_payByTraffic,
  payByBandwidth: m.stepWord_payByBandwidth,
  subscription: m.stepWord_subscription,
};

/** The inputs worded by name (every other input is filled in as sent). */
export const words: Localizers = {
  eip: resource,
  eni: resource,
  target: resource,
  id: resource,
  first: resource,
  mode: (value, locale) => MODES[value]?.({}, options(locale)) ?? value,
  billing: (value, locale) => BILLING[value]?.({}, options(locale)) ?? value,
};

/** The line naming a step (plan, timeline, undo). */
export const stepTitle = coreText<StepTitle>()('stepTitle', m, words);

/** A state a step waits for. */
export const waitText = coreText<WaitText>()('waits', m, words);

const effect = coreText<Exclude<StepEffect, { key: 'verify' }>>()('stepEffect', m, words);

/** What a step changes; the verification lists the states it checks. */
export function stepEffect(text: StepEffect, locale?: Locale): string {
  if (text.key === 'verify') {
    const checks = text.checks.map((c) => waitText(c, locale)).join(m.stepWord_checksSeparator({}, options(locale)));
    return m.stepEffect_verify({ checks }, options(locale));
  }
  return effect(text, locale);
}

/** A run's one-line summary. */
export const runSummary = coreText<RunSummary>()('runSummary', m, words);

type JobTitles = { [K in JobKind as `jobTitle_${K}`]: (inputs: Record<string, never>, options?: Options) => string };
const jobTitles: JobTitles = m;

/** A job's title (the plan's heading, the run's title). */
export function jobTitle(job: JobKind, locale?: Locale): string {
  return jobTitles[`jobTitle_${job}`]({}, options(locale));
}
