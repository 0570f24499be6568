/**
 * The words of eipdesk-core's cut-through reasons in the chosen language: the core sends a
 * message key with typed arguments (`CutThroughText`), worded from the `reason_*` messages.
 * A new key in the core fails `svelte-check` until both catalogues have its message.
 */
import type { CutThroughText } from '../backend';
import { m } from '../i18n';
import { coreText } from '../i18n/core_text';
import { modeLabel, statusText } from '../table';

export const cutThroughText = coreText<CutThroughText>()('reason', m, {
  mode: (mode) => modeLabel(mode) || mode,
  status: statusText,
});
