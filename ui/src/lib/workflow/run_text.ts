/**
 * A run's message line (`RunMessage`) and a guest step's lines (`GuestNote`) in the chosen
 * language. Some inputs are messages themselves: the step a message is about (`StepTitle`),
 * what is in place after a roll back (a list of `OutcomeText`), what the verification found
 * (`VerifiedText`), what a skipped script left undone (`LeftUndone`), and the lines a completed
 * run adds (`GuestNote`s and a `PlanNote`). They are worded first, then filled in, as the
 * core does for its English.
 */
import type { GuestNote, LeftUndone, OutcomeText, RunMessage } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText } from '../i18n/core_text';
import { verifiedText } from './guide_text';
import { noteText } from './plan_text';
import { stepTitle, words } from './step_text';

type Options = { locale?: Locale };
const options = (locale?: Locale): Options => (locale ? { locale } : {});

/** What the cloud looks like after a call. */
export const outcomeText = coreText<OutcomeText>()('outcome', m, words);

const leftUndone = coreText<LeftUndone>()('gleft', m);

type Nested = 'verified' | 'offline' | 'statusUnread' | 'wentOffline';
const plainNote = coreText<Exclude<GuestNote, { key: Nested }>>()('gnote', m);

/** A guest step's line: what it found, or why it ran no script. */
export function guestNote(note: GuestNote, locale?: Locale): string {
  const o = options(locale);
  switch (note.key) {
    case 'verified':
      return m.gnote_verified({ verified: verifiedText(note.verified, locale) }, o);
    case 'offline':
      return m.gnote_offline({ instance: note.instance, left: leftUndone(note.left, locale) }, o);
    case 'statusUnread':
      return m.gnote_statusUnread({ instance: note.instance, code: note.code, left: leftUndone(note.left, locale) }, o);
    case 'wentOffline':
      return m.gnote_wentOffline({ instance: note.instance, info: note.info, left: leftUndone(note.left, locale) }, o);
    default:
      return plainNote(note, locale);
  }
}

type Composed =
  | 'completedWith'
  | 'failedRollingBack'
  | 'failedAsk'
  | 'undoFailed'
  | 'cancelled'
  | 'rolledBackAutomatically'
  | 'rolledBackAsRequested'
  | 'rolledBack';
const plainMessage = coreText<Exclude<RunMessage, { key: Composed }>>()('rmsg', m);

function now(items: readonly OutcomeText[], locale?: Locale): string {
  return items.map((item) => outcomeText(item, locale)).join(m.rmsg_nowSeparator({}, options(locale)));
}

/** A run's message line. */
export function runMessage(message: RunMessage, locale?: Locale): string {
  const o = options(locale);
  switch (message.key) {
    case 'completedWith': {
      const sentences = [...message.guest.map((g) => guestNote(g, locale)), ...(message.switched ? [noteText(message.switched, locale)] : [])];
      const details = sentences.reduce((first, next) => m.rmsg_join({ first, next }, o));
      return m.rmsg_completedWith({ details }, o);
    }
    case 'failedRollingBack':
      return m.rmsg_failedRollingBack({ step: stepTitle(message.step, locale), code: message.code }, o);
    case 'failedAsk':
      return m.rmsg_failedAsk({ step: stepTitle(message.step, locale), code: message.code }, o);
    case 'undoFailed':
      return m.rmsg_undoFailed({ step: stepTitle(message.step, locale), code: message.code, message: message.message }, o);
    case 'cancelled':
      return m.rmsg_cancelled({ now: now(message.now, locale) }, o);
    case 'rolledBackAutomatically':
      return m.rmsg_rolledBackAutomatically({ code: message.code, now: now(message.now, locale) }, o);
    case 'rolledBackAsRequested':
      return m.rmsg_rolledBackAsRequested({ code: message.code, now: now(message.now, locale) }, o);
    case 'rolledBack':
      return m.rmsg_rolledBack({ now: now(message.now, locale) }, o);
    default:
      return plainMessage(message, locale);
  }
}

/** What the cloud looks like if a run stops now (the close guard). */
export function stateIfStopped(items: readonly OutcomeText[], locale?: Locale): string {
  if (!items.length) return m.guard_nothing_changed({}, options(locale));
  return m.guard_state_list({ list: now(items, locale) }, options(locale));
}

/** A run's message line from its view: the message key, else (a run journaled before they
 * were keys) the English the journal kept. */
export function runMessageLine(run: { message: string | null; messageText: RunMessage | null }, locale?: Locale): string {
  return run.messageText ? runMessage(run.messageText, locale) : (run.message ?? '');
}

/** A guest step's line from the view: the message key, else the journal's English. */
export function guestLine(text: GuestNote | null, english: string | null, locale?: Locale): string {
  return text ? guestNote(text, locale) : (english ?? '');
}
