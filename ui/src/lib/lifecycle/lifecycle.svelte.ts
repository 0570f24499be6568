/**
 * The lifecycle sheet's state: which job (allocate, release, create, delete, attach, detach,
 * rename, bandwidth, tags), the resources it acts on (several for bulk jobs), the form, the
 * region's choices (vSwitches, security groups, instances with ENI capacity), the preflight
 * result and plan, the confirmations, and the run it started. The rules live in the core:
 * this only sends the form and shows what comes back.
 */
import { m } from '../i18n';
import {
  commands,
  toBackendError,
  type Billing,
  type ErrorDto,
  type JobKind,
  type LifecycleChoices,
  type LifecycleForm,
  type PreflightView,
  type TagPair,
} from '../backend';
import { inventory } from '../inventory/store.svelte';
import { runs } from '../workflow/runs.svelte';

export type Stage = 'form' | 'plan' | 'run';

/** The jobs this sheet runs, with their titles. */
export const lifecycleJobs: Partial<Record<JobKind, string>> = {
  get allocateEip() { return m.job_allocateEip(); },
  get releaseEip() { return m.job_releaseEip(); },
  get renameEip() { return m.job_renameEip(); },
  get setEipBandwidth() { return m.job_setEipBandwidth(); },
  get createEni() { return m.job_createEni(); },
  get deleteEni() { return m.job_deleteEni(); },
  get attachEni() { return m.job_attachEni(); },
  get detachEni() { return m.job_detachEni(); },
  get renameEni() { return m.job_renameEni(); },
  get addTags() { return m.job_addTags(); },
  get removeTags() { return m.job_removeTags(); },
  get createAndBind() { return m.job_createAndBind(); },
};

/** Jobs that may act on several resources at once. */
export const bulkJobs: JobKind[] = ['releaseEip', 'renameEip', 'deleteEni', 'renameEni', 'addTags', 'removeTags'];

/** The fields a form control may set. */
type FormField =
  | 'instanceId'
  | 'name'
  | 'description'
  | 'bandwidth'
  | 'billing'
  | 'period'
  | 'isp'
  | 'vswitchId'
  | 'privateIp'
  | 'tagKeys'
  | 'allocationId'
  | 'eniId'
  | 'typed';

class Lifecycle {
  open = $state(false);
  stage: Stage = $state('form');
  job: JobKind = $state('allocateEip');
  regionId = $state('');
  ids: string[] = $state([]);
  /** Other resources of the table the user may add to a bulk job. */
  candidates: string[] = $state([]);
  instanceId = $state('');
  name = $state('');
  description = $state('');
  bandwidth = $state(5);
  billing: Billing = $state('payByTraffic');
  period = $state(1);
  isp = $state('');
  vswitchId = $state('');
  securityGroupIds: string[] = $state([]);
  privateIp = $state('');
  tags: TagPair[] = $state([{ key: '', value: '' }]);
  tagKeys = $state('');
  allocationId = $state('');
  eniId = $state('');
  choices: LifecycleChoices | null = $state(null);
  preflight: PreflightView | null = $state(null);
  accepted: string[] = $state([]);
  typed = $state('');
  runId: string | null = $state(null);
  busy = $state(false);
  error: ErrorDto | null = $state(null);

  run = $derived(this.runId ? runs.byId[this.runId] ?? null : null);
  title = $derived(lifecycleJobs[this.job] ?? m.job_lifecycle());
  confirmed = $derived(
    (this.preflight?.plan?.warnings ?? []).every((w) => (w.confirmText ? this.typed.trim() === w.confirmText : this.accepted.includes(w.code))),
  );

  /** Opens the sheet for `job` on `ids` (empty for allocate / create). */
  show(job: JobKind, regionId: string, ids: string[] = [], candidates: string[] = [], extra: { instanceId?: string } = {}) {
    Object.assign(this, {
      open: true,
      stage: 'form' as Stage,
      job,
      regionId,
      ids: [...ids],
      candidates,
      instanceId: extra.instanceId ?? '',
      name: '',
      description: '',
      bandwidth: 5,
      billing: 'payByTraffic' as Billing,
      period: 1,
      isp: '',
      vswitchId: '',
      securityGroupIds: [],
      privateIp: '',
      tags: [{ key: '', value: '' }],
      tagKeys: '',
      allocationId: '',
      eniId: '',
      preflight: null,
      accepted: [],
      typed: '',
      runId: null,
      error: null,
    });
    if (['createEni', 'attachEni', 'createAndBind'].includes(job) && regionId) void this.loadChoices();
  }

  /** Closes the sheet; after a run the tables are reloaded (new resources have new IDs). */
  close() {
    if (this.busy) return;
    this.open = false;
    if (this.runId) inventory.refresh();
  }

  /** Sets one field of the form. */
  set<K extends FormField>(field: K, value: Lifecycle[K]) {
    (this as Lifecycle)[field] = value;
  }

  toggleId(id: string, on: boolean) {
    this.ids = on ? [...new Set([...this.ids, id])] : this.ids.filter((i) => i !== id);
  }

  toggleGroup(id: string, on: boolean) {
    this.securityGroupIds = on ? [...new Set([...this.securityGroupIds, id])] : this.securityGroupIds.filter((g) => g !== id);
  }

  setTag(i: number, field: 'key' | 'value', text: string) {
    this.tags = this.tags.map((t, n) => (n === i ? { ...t, [field]: text } : t));
  }

  addTagRow() {
    this.tags = [...this.tags, { key: '', value: '' }];
  }

  toggleWarning(code: string, on: boolean) {
    this.accepted = on ? [...new Set([...this.accepted, code])] : this.accepted.filter((c) => c !== code);
  }

  async loadChoices() {
    try {
      this.choices = await commands.lifecycleChoices(this.regionId);
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  form(): LifecycleForm {
    const text = (s: string) => (s.trim() ? s.trim() : null);
    return {
      regionId: this.regionId,
      job: this.job,
      ids: this.ids,
      instanceId: text(this.instanceId),
      name: text(this.name),
      description: text(this.description),
      bandwidth: this.bandwidth,
      billing: this.billing,
      period: this.billing === 'subscription' ? this.period : null,
      pricingCycle: this.billing === 'subscription' ? 'Month' : null,
      isp: text(this.isp),
      resourceGroupId: null,
      vswitchId: text(this.vswitchId),
      securityGroupIds: this.securityGroupIds,
      privateIp: text(this.privateIp),
      tags: this.tags.filter((t) => t.key.trim()),
      tagKeys: this.tagKeys.split(',').map((k) => k.trim()).filter(Boolean),
      allocationId: text(this.allocationId),
      eniId: text(this.eniId),
    };
  }

  /** Preflight on the real state: the failing rules, or the plan to confirm. */
  async check() {
    this.busy = true;
    this.error = null;
    try {
      this.preflight = await commands.preflightLifecycle(this.form());
      this.accepted = [];
      this.typed = '';
      this.stage = 'plan';
    } catch (e) {
      this.error = toBackendError(e).dto;
    } finally {
      this.busy = false;
    }
  }

  back() {
    this.stage = 'form';
  }

  async start() {
    this.busy = true;
    this.error = null;
    try {
      const run = await commands.startLifecycle(this.form(), { accepted: this.accepted, typed: this.typed || null });
      runs.upsert(run);
      this.runId = run.id;
      this.stage = 'run';
    } catch (e) {
      this.error = toBackendError(e).dto;
    } finally {
      this.busy = false;
    }
  }
}

export const lifecycle: Readonly<Lifecycle> = new Lifecycle();
