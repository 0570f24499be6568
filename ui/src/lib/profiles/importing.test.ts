import { describe, expect, it } from 'vitest';
import type { ImportCandidate, ImportReport, ScanReport } from '../backend';
import { autoIncluded, importSummary, initialSelection, nothingFound, selections, toggle, visibleName } from './importing';

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
    alreadyImported: null,
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
      { key: 'aliyun-cli:default', name: null, label: null, again: false },
      { key: 'aliyun-cli:role', name: 'ops role', label: 'production', again: false },
    ]);
  });

  it('leaves candidates imported before unselected, and sends them as again when picked', () => {
    const before: ScanReport = {
      sources: [{ ...report.sources[0]!, candidates: [cand({ alreadyImported: 'default' }), cand({ key: 'aliyun-cli:new', name: 'new' })] }],
    };
    expect([...initialSelection(before)]).toEqual(['aliyun-cli:new']);
    expect(selections(before, new Set(['aliyun-cli:default']), {}, {})).toEqual([{ key: 'aliyun-cli:default', name: null, label: null, again: true }]);
  });

  it('summarizes imported, skipped and refused entries', () => {
    const profile = { name: 'a' } as unknown as ImportReport['imported'][number]['profile'];
    expect(
      importSummary({
        imported: [{ key: 'aliyun-cli:a', profile, autoIncluded: false }],
        skipped: [{ key: 'aliyun-cli:b', profileName: 'b' }],
        failed: [{ key: 'aliyun-cli:#3', code: 'import.duplicate_name', message: 'twice', hint: 'rename', hintText: { key: 'importDuplicate' } }],
      }),
    ).toEqual(['Imported 1: a.', 'Skipped 1 imported before: b.', 'Not imported: twice']);
  });

  it('knows when nothing was found', () => {
    expect(nothingFound(report)).toBe(false);
    expect(nothingFound({ sources: [report.sources[1]!] })).toBe(true);
  });
});

describe('visibleName', () => {
  it('shows bidi overrides and zero-width characters as escapes', () => {
    expect(visibleName('sneaky\u202eadmin')).toBe('sneaky\\u{202E}admin');
    expect(visibleName('a\u200bb')).toBe('a\\u{200B}b');
    expect(visibleName('plain-name')).toBe('plain-name');
  });
});
