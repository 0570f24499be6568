// The header's region scope is the one region control: no table offers a region quick filter
// of its own beside it (the Region column stays, to read and sort by).
import { describe, expect, it } from 'vitest';
import { eipColumns, eipFilters, eniColumns, eniFilters, instanceColumns, instanceFilters } from './columns';

describe('region choice', () => {
  it('belongs to the header scope: the tables have no region filter', () => {
    for (const filters of [eipFilters, eniFilters, instanceFilters]) {
      expect(filters.map((f) => f.id)).not.toContain('region');
      expect(filters.map((f) => f.label)).not.toContain('Region');
    }
  });
  it('keeps the Region column on every table', () => {
    for (const columns of [eipColumns, eniColumns, instanceColumns]) {
      expect(columns.map((c) => c.id)).toContain('region');
    }
  });
});
