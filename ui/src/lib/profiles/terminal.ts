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

/** True when `name` is one plain word (what `process_command` can carry as is). */
function plainWord(name: string): boolean {
  return /^[A-Za-z0-9_.:@%+=/-]+$/.test(name);
}

/**
 * The snippets for a profile; `serve` only for modes that yield temporary credentials. The
 * aliyun CLI splits `process_command` on white space without a shell, so there a name that
 * is not one plain word is replaced by the profile's `id` (as the core's set-up does).
 */
export function terminalSnippets(name: string, mode: AuthMode, id: string): Snippet[] {
  const p = shellQuote(name);
  const processArg = plainWord(name) ? name : id;
  const aliyunProfile = shellQuote(`eipdesk-${name.replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase()}`);
  const out: Snippet[] = [
    {
      title: m.term_aliyun(),
      command: `aliyun configure set --profile ${aliyunProfile} --mode External --process-command ${shellQuote(`eipdesk-cli credentials ${processArg}`)}`,
    },
    { title: m.term_terraform(), command: `eipdesk-cli exec ${p} -- terraform plan` },
    { title: m.term_shell(), command: `eval "$(eipdesk-cli env ${p})"` },
  ];
  if (mode !== 'accessKey' && mode !== 'sandbox') {
    out.push({ title: m.term_sdk(), command: `eipdesk-cli serve ${p}` });
  }
  return out;
}
