import { describe, expect, it } from 'vitest';
import { memoryStore } from '../memory-store';
import { Persisted } from '../persisted.svelte';
import { initialScope, scopeCodec } from './scope';

const regions = [{ id: 'cn-hangzhou' }, { id: 'cn-shanghai' }, { id: 'ap-northeast-1' }];

describe('region scope', () => {
  it('keeps the remembered region or all regions', () => {
    expect(initialScope('cn-shanghai', regions, 'cn-hangzhou')).toBe('cn-shanghai');
    expect(initialScope('all', regions, 'cn-hangzhou')).toBe('all');
  });
  it('falls back to the default region, then the first, when the account lacks it', () => {
    expect(initialScope('eu-west-1', regions, 'ap-northeast-1')).toBe('ap-northeast-1');
    expect(initialScope('', regions, null)).toBe('cn-hangzhou');
    expect(initialScope('', [], null)).toBe('');
  });
  it('survives a restart through the store, and rejects junk', () => {
    const store = memoryStore();
    new Persisted('eipdesk.session.scope', '', { codec: scopeCodec, store }).current = 'cn-shanghai';
    expect(new Persisted('eipdesk.session.scope', '', { codec: scopeCodec, store }).current).toBe('cn-shanghai');
    store.setItem('eipdesk.session.scope', '<script>');
    expect(new Persisted('eipdesk.session.scope', '', { codec: scopeCodec, store }).current).toBe('');
  });
});
