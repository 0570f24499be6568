import { describe, expect, it } from 'vitest';
import { shellQuote, terminalSnippets } from './terminal';

describe('terminal snippets', () => {
  it('quotes names for the shell', () => {
    expect(shellQuote('prod-admin')).toBe('prod-admin');
    expect(shellQuote("ops team's")).toBe(`'ops team'\\''s'`);
  });

  it('offers serve only for temporary credentials', () => {
    const ak = terminalSnippets('Prod admin', 'accessKey');
    expect(ak.map((s) => s.command)).toEqual([
      `aliyun configure set --profile eipdesk-prod-admin --mode External --process-command 'eipdesk-cli credentials '\\''Prod admin'\\'''`,
      `eipdesk-cli exec 'Prod admin' -- terraform plan`,
      `eval "$(eipdesk-cli env 'Prod admin')"`,
    ]);
    expect(terminalSnippets('role', 'ramRole').at(-1)?.command).toBe('eipdesk-cli serve role');
  });
});
