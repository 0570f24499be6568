/**
 * The words of the guest-OS instructions in the chosen language: each step's title and text
 * come from eipdesk-core as message keys (`gos_*`); the commands are code and stay as they are.
 */
import type { GuideText } from '../backend';
import { m } from '../i18n';
import { coreText } from '../i18n/core_text';

export const guideText = coreText<GuideText>()('gos', m);
