/**
 * The bind sheet's state: what the user wants (bind / unbind / switch), the form (EIP,
 * target, mode, where the ENI goes afterwards), the choices with their disabled reasons, the
 * preflight result and plan, the confirmations, and the run it started.
 *
 * Components read its fields and change them only through its methods (the export is
 * `Readonly`, so an assignment from outside does not compile).
 */
import { commands, toBackendError, type BindForm, type BindMode, type BindOptions, type ErrorDto, type PreflightView, type TargetKind } from '../backend';
import { jobFor, type Intent } from './format';
import { runs } from './runs.svelte';

export type Stage = 'choose' | 'plan' | 'run';

/** What a row action pre-fills. */
export interface Prefill {
  /** `''`: ask for the region first (the header's entry with "All regions" in scope). */
  regionId: string;
  intent?: Intent;
  mode?: BindMode;
  allocationId?: string;
  targetKind?: TargetKind;
  targetId?: string;
  /** Where the ENI goes afterwards (`''`: leave it detached). */
  attachTo?: string;
  /** The current binding's mode (unbind / switch). */
  currentMode?: string | null;
}

class Sheet {
  open = $state(false);
  stage: Stage = $state('choose');
  regionId = $state('');
  /** Whether the sheet asked for the region (then the user may change it while choosing). */
  regionAsked = $state(false);
  intent: Intent = $state('bind');
  mode: BindMode = $state('BINDED');
  allocationId = $state('');
  targetKind: TargetKind = $state('networkInterface');
  targetId = $state('');
  attachTo = $state('');
  /** Whether the user picked "attach to" themselves (else it follows the ENI). */
  attachTouched = $state(false);
  currentMode: string | null = $state(null);
  /** Configure and verify the guest through Cloud Assistant (`null`: the default, on except
   * on production profiles). */
  guestConfigure: boolean | null = $state(null);
  /** Default-route metric for the new NIC (empty: leave it). */
  routeMetric = $state('');
  /** Open the login port and ICMP to this source CIDR (empty: do not). */
  accessCidr = $state('');
  options: BindOptions | null = $state(null);
  optionsLoading = $state(false);
  preflight: PreflightView | null = $state(null);
  accepted: string[] = $state([]);
  typed = $state('');
  runId: string | null = $state(null);
  busy = $state(false);
  error: ErrorDto | null = $state(null);
  private optionsSeq = 0;

  job = $derived(jobFor(this.intent, this.mode, this.currentMode));
  run = $derived(this.runId ? runs.byId[this.runId] ?? null : null);

  form(): BindForm {
    const binds = this.intent === 'bind';
    return {
      regionId: this.regionId,
      job: this.job,
      allocationId: this.allocationId,
      targetKind: binds ? (this.mode === 'BINDED' ? 'networkInterface' : this.targetKind) : null,
      targetId: binds && this.targetId ? this.targetId : null,
      attachTo: this.attachTo ? this.attachTo : null,
      mode: this.intent === 'switch' ? this.mode : null,
      guest: {
        ...(this.guestConfigure == null ? {} : { configure: this.guestConfigure }),
        ...(/^\d+$/.test(this.routeMetric.trim()) ? { routeMetric: Number(this.routeMetric.trim()) } : {}),
      },
      ...(this.accessCidr.trim() ? { remoteAccess: { sourceCidr: this.accessCidr.trim() } } : {}),
    };
  }

  /** Opens the sheet on the first stage with `prefill`. */
  show(prefill: Prefill) {
    this.regionId = prefill.regionId;
    this.regionAsked = prefill.regionId === '';
    this.options = null;
    this.intent = prefill.intent ?? 'bind';
    this.mode = prefill.mode ?? 'BINDED';
    this.allocationId = prefill.allocationId ?? '';
    this.targetKind = prefill.targetKind ?? 'networkInterface';
    this.targetId = prefill.targetId ?? '';
    this.attachTo = prefill.attachTo ?? '';
    this.attachTouched = prefill.attachTo !== undefined;
    this.currentMode = prefill.currentMode ?? null;
    this.guestConfigure = null;
    this.routeMetric = '';
    this.accessCidr = '';
    this.stage = 'choose';
    this.preflight = null;
    this.accepted = [];
    this.typed = '';
    this.runId = null;
    this.error = null;
    this.open = true;
    void this.loadOptions();
  }

  /** Shows an existing run's timeline. */
  showRun(runId: string) {
    this.runId = runId;
    this.stage = 'run';
    this.error = null;
    this.open = true;
  }

  close() {
    this.open = false;
  }

  /** Reloads the choices for the current job, EIP and target. */
  async loadOptions() {
    if (!this.regionId) return;
    const seq = ++this.optionsSeq;
    this.optionsLoading = true;
    try {
      const options = await commands.bindOptions(this.form());
      if (seq !== this.optionsSeq) return;
      this.options = options;
      this.followEni();
      this.error = null;
    } catch (e) {
      if (seq === this.optionsSeq) this.error = toBackendError(e).dto;
    } finally {
      if (seq === this.optionsSeq) this.optionsLoading = false;
    }
  }

  /** Unless the user chose otherwise, the ENI goes back to the instance it is on now. */
  private followEni() {
    if (this.attachTouched || this.intent !== 'bind' || this.mode !== 'BINDED') return;
    const eni = this.options?.enis.find((c) => c.id === this.targetId);
    this.attachTo = eni?.attachedTo ?? '';
  }

  /** The region asked for: the choices are those of the new region. */
  chooseRegion(id: string) {
    if (id === this.regionId) return;
    this.regionId = id;
    this.allocationId = '';
    this.targetId = '';
    this.attachTo = '';
    this.attachTouched = false;
    this.options = null;
    void this.loadOptions();
  }

  pickEip(id: string) {
    this.allocationId = id;
    const eip = this.options?.eips.find((c) => c.id === id);
    if (eip && this.intent !== 'bind') this.currentMode = eip.mode;
    void this.loadOptions();
  }

  pickTarget(id: string) {
    this.targetId = id;
    this.attachTouched = false;
    void this.loadOptions();
  }

  /** NAT mode: binds to an ECS instance or to an ENI; the target is chosen again. */
  setTargetKind(kind: TargetKind) {
    this.targetKind = kind;
    this.pickTarget('');
  }

  pickAttach(id: string) {
    this.attachTo = id;
    this.attachTouched = true;
  }

  /** The guest choices of a cut-through bind (see `GuestChoices.svelte`). */
  setGuest(configure: boolean | null, routeMetric: string, accessCidr: string) {
    this.guestConfigure = configure;
    this.routeMetric = routeMetric;
    this.accessCidr = accessCidr;
  }

  setIntent(intent: Intent) {
    this.intent = intent;
    this.targetId = '';
    void this.loadOptions();
  }

  setMode(mode: BindMode) {
    this.mode = mode;
    if (this.intent === 'bind') this.targetId = '';
    void this.loadOptions();
  }

  /** Runs preflight on the real state and shows the plan (or what stands in the way). */
  async check() {
    this.busy = true;
    this.error = null;
    try {
      this.preflight = await commands.preflightBind(this.form());
      this.accepted = [];
      this.typed = '';
      this.stage = 'plan';
    } catch (e) {
      this.error = toBackendError(e).dto;
    } finally {
      this.busy = false;
    }
  }

  /** Every warning confirmed (ticked, or its ID typed). */
  confirmed = $derived(
    (this.preflight?.plan?.warnings ?? []).every((w) =>
      w.confirmText ? this.typed.trim() === w.confirmText : this.accepted.includes(w.code),
    ),
  );

  /** The text typed to confirm a warning that asks for it. */
  setTyped(text: string) {
    this.typed = text;
  }

  toggle(code: string, on: boolean) {
    this.accepted = on ? [...new Set([...this.accepted, code])] : this.accepted.filter((c) => c !== code);
  }

  /** Starts the run and switches to its timeline. */
  async start() {
    this.busy = true;
    this.error = null;
    try {
      const run = await commands.startBind(this.form(), { accepted: this.accepted, typed: this.typed || null });
      runs.upsert(run);
      this.runId = run.id;
      this.stage = 'run';
    } catch (e) {
      this.error = toBackendError(e).dto;
    } finally {
      this.busy = false;
    }
  }

  back() {
    this.stage = 'choose';
    this.error = null;
  }
}

export const sheet: Readonly<Sheet> = new Sheet();
