/**
 * The words of the guest-OS instructions in the chosen language: each step's title and text
 * come from eipdesk-core as message keys (`gos_*`); the commands are code and stay as they are.
 * What Cloud Assistant verified in the guest comes the same way (`gv_*`).
 */
import type { GuideText, VerifiedText } from '../backend';
import { m } from '../i18n';
import { coreText } from '../i18n/core_text';

export const guideText = coreText<GuideText>()('gos', m);
export const verifiedText = coreText<VerifiedText>()('gv', m);
