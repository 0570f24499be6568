/**
 * "Use in terminal": the commands that hand a profile's credentials to the aliyun CLI,
 * Terraform, the SDKs and scripts through `eipdesk-cli`, which reads the same profiles and
 * keychain as the app. Nothing here writes a file; the user copies what they want.
 */
import { m } from '../i18n';
import type { AuthMode } from '../backend';

export interface Snippet {
  /** What it is for. */
  title: string;
  /** The command line, quoted for POSIX shells. */
  command: string;
}

/** Single-quotes `value` for POSIX shells when it needs it. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:@%+=/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The snippets for a profile; `serve` only for modes that yield temporary credentials. */
export function terminalSnippets(name: string, mode: AuthMode): Snippet[] {
  const p = shellQuote(name);
  const aliyunProfile = shellQuote(`eipdesk-${name.replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase()}`);
  const out: Snippet[] = [
    {
      title: m.term_aliyun(),
      command: `aliyun configure set --profile ${aliyunProfile} --mode External --process-command ${shellQuote(`eipdesk-cli credentials ${p}`)}`,
    },
    { title: m.term_terraform(), command: `eipdesk-cli exec ${p} -- terraform plan` },
    { title: m.term_shell(), command: `eval "$(eipdesk-cli env ${p})"` },
  ];
  if (mode !== 'accessKey' && mode !== 'sandbox') {
    out.push({ title: m.term_sdk(), command: `eipdesk-cli serve ${p}` });
  }
  return out;
}
