import { describe, expect, it } from 'vitest';
import { shellQuote, terminalSnippets } from './terminal';

describe('terminal snippets', () => {
  it('quotes names for the shell', () => {
    expect(shellQuote('prod-admin')).toBe('prod-admin');
    expect(shellQuote("ops team's")).toBe(`'ops team'\\''s'`);
  });

  it('offers serve only for temporary credentials', () => {
    const ak = terminalSnippets('Prod admin', 'accessKey', 'p-0123abcd');
    expect(ak.map((s) => s.command)).toEqual([
      // The aliyun CLI splits process_command on spaces and runs no shell: a name with a
      // space is passed by the profile's id.
      `aliyun configure set --profile eipdesk-prod-admin --mode External --process-command 'eipdesk-cli credentials p-0123abcd'`,
      `eipdesk-cli exec 'Prod admin' -- terraform plan`,
      `eval "$(eipdesk-cli env 'Prod admin')"`,
    ]);
    expect(terminalSnippets('role', 'ramRole', 'p-1').at(-1)?.command).toBe('eipdesk-cli serve role');
    expect(terminalSnippets('role', 'ramRole', 'p-1')[0]?.command).toContain(`--process-command 'eipdesk-cli credentials role'`);
  });
});
