import { describe, expect, it } from 'vitest';
import type { ImportCandidate, ScanReport } from '../backend';
import { autoIncluded, initialSelection, nothingFound, selections, toggle } from './importing';

function cand(over: Partial<ImportCandidate>): ImportCandidate {
  return {
    key: 'aliyun-cli:default',
    source: 'aliyunCli',
    name: 'default',
    sourceMode: 'AK',
    mode: 'accessKey',
    region: 'cn-hangzhou',
    accessKeyIdMasked: 'LTAI****ab12',
    roleArn: null,
    sourceProfile: null,
    importable: true,
    reasonCode: null,
    reason: null,
    notes: [],
    ...over,
  };
}

const report: ScanReport = {
  sources: [
    {
      kind: 'aliyunCli',
      path: '/home/u/.aliyun/config.json',
      status: 'found',
      error: null,
      candidates: [
        cand({}),
        cand({ key: 'aliyun-cli:role', name: 'role', sourceMode: 'ChainableRamRoleArn', mode: 'ramRole', sourceProfile: 'default' }),
        cand({ key: 'aliyun-cli:sso', name: 'sso', sourceMode: 'CloudSSO', mode: null, importable: false, reasonCode: 'import.mode_unsupported', reason: 'not supported' }),
      ],
    },
    { kind: 'credentialsFile', path: '/home/u/.alibabacloud/credentials', status: 'missing', error: null, candidates: [] },
  ],
};

describe('import selection', () => {
  it('starts with every importable candidate selected and refuses the others', () => {
    const sel = initialSelection(report);
    expect([...sel].sort()).toEqual(['aliyun-cli:default', 'aliyun-cli:role']);
    const sso = report.sources[0]!.candidates[2]!;
    expect(toggle(sel, sso).has(sso.key)).toBe(false);
    expect(toggle(sel, report.sources[0]!.candidates[0]!).has('aliyun-cli:default')).toBe(false);
  });

  it('names the source profiles a chained role pulls in', () => {
    expect(autoIncluded(report, new Set(['aliyun-cli:role']))).toEqual(['default']);
    expect(autoIncluded(report, initialSelection(report))).toEqual([]);
  });

  it('sends keys with changed names and labels only', () => {
    expect(selections(report, initialSelection(report), { 'aliyun-cli:default': ' default ', 'aliyun-cli:role': 'ops role' }, { 'aliyun-cli:role': 'production' })).toEqual([
      { key: 'aliyun-cli:default', name: null, label: null },
      { key: 'aliyun-cli:role', name: 'ops role', label: 'production' },
    ]);
  });

  it('knows when nothing was found', () => {
    expect(nothingFound(report)).toBe(false);
    expect(nothingFound({ sources: [report.sources[1]!] })).toBe(true);
  });
});
