/**
 * Raw Alibaba Cloud values the tables show (billing method, metering, ENI type, binding
 * target), worded for the UI's language as the console words them; an unknown value shows as
 * it is. Filters keep matching the raw value: only what is shown is worded. `NONE` is the quick
 * filters' value for "no value" (unbound, no tags), worded by each filter.
 */
import { m } from '../i18n';
import { modeLabel } from '../table';
import type { CutThroughVerdict } from '../backend';

/** A quick filter's value for rows without one (never an API value). */
export const NONE = '∅';

function worded(words: Record<string, () => string>): (value: string | null | undefined) => string {
  return (value) => (value ? (words[value]?.() ?? value) : '');
}

/** `InstanceChargeType` / `ChargeType`: PostPaid, PrePaid. */
export const chargeTypeText = worded({ PostPaid: m.val_PostPaid, PrePaid: m.val_PrePaid });

/** `InternetChargeType`: PayByTraffic, PayByBandwidth. */
export const meteringText = worded({ PayByTraffic: m.val_PayByTraffic, PayByBandwidth: m.val_PayByBandwidth });

/** An ENI's `Type`: Primary, Secondary. */
export const eniTypeText = worded({ Primary: m.val_Primary, Secondary: m.val_Secondary });

/** A Cloud Assistant invocation's status (`InvocationStatus`), as the ECS console's 云助手 words it. */
export const invocationStatusText = worded({
  Pending: m.gstatus_pending,
  Scheduled: m.gstatus_scheduled,
  Running: m.gstatus_running,
  Success: m.gstatus_success,
  Failed: m.gstatus_failed,
  Error: m.gstatus_error,
  Timeout: m.gstatus_timeout,
  Stopping: m.gstatus_stopping,
  Stopped: m.gstatus_stopped,
  Aborted: m.gstatus_aborted,
  Invalid: m.gstatus_invalid,
  Cancelled: m.gstatus_cancelled,
  Terminated: m.gstatus_terminated,
});

/** What an EIP is bound to (`eni`, `instance` or another API type), for the target filter. */
export const targetText = (value: string): string =>
  value === NONE ? m.filter_unbound() : value === 'eni' ? m.target_eni() : value === 'instance' ? m.target_ecs() : value;

/** An EIP's mode (NAT, BINDED, MULTI_BINDED) or NONE, for the mode filter. */
export const modeText = (value: string): string => (value === NONE ? m.filter_unbound() : modeLabel(value) || value);

/** Tags or NONE, for the tags filter. */
export const tagsText = (value: string): string => (value === NONE ? m.filter_no_tags() : value);

/** An ENI's cut-through verdict, for the cut-through filter. */
export function verdictText(verdict: CutThroughVerdict | string): string {
  switch (verdict) {
    case 'eligible':
      return m.verdict_eligible();
    case 'needsDetach':
      return m.verdict_needs_detach();
    case 'active':
      return m.verdict_active();
    case 'ineligible':
      return m.verdict_ineligible();
    default:
      return verdict;
  }
}
