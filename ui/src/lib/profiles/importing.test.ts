import { describe, expect, it } from 'vitest';
import type { ImportCandidate, ImportReport, ScanReport } from '../backend';
import { autoIncluded, candidateNotes, candidateReason, importSummary, initialSelection, nothingFound, problemMessage, selections, toggle, visibleName } from './importing';

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
    reasonText: null,
    notes: [],
    noteTexts: [],
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
        failed: [{ key: 'aliyun-cli:#3', code: 'import.duplicate_name', message: 'twice', text: null, hint: 'rename', hintText: { key: 'importDuplicate' } }],
      }),
    ).toEqual(['Imported 1: a.', 'Skipped 1 imported before: b.', 'Not imported: twice']);
  });

  it('knows when nothing was found', () => {
    expect(nothingFound(report)).toBe(false);
    expect(nothingFound({ sources: [report.sources[1]!] })).toBe(true);
  });
});

describe('import words', () => {
  it('word a refusal reason in the chosen language, nesting field checks and JSON types', () => {
    const padded = cand({
      importable: false,
      reason: 'access_key_secret: must be a single line',
      reasonText: { key: 'invalidSetting', setting: 'access_key_secret', fieldReason: { key: 'singleLine' } },
    });
    expect(candidateReason(padded, 'en')).toBe('access_key_secret: must be a single line');
    expect(candidateReason(padded, 'zh-CN')).toBe('access_key_secret：必须为单行');
    const numeric = cand({ importable: false, reasonText: { key: 'notAString', setting: 'access_key_id', jsonKind: { key: 'number' } } });
    expect(candidateReason(numeric, 'en')).toBe('access_key_id must be a string, not a number');
    expect(candidateReason(numeric, 'zh-CN')).toBe('access_key_id 必须是字符串，而不是数字');
    const twice = cand({ importable: false, reasonText: { key: 'duplicateEntries', name: 'twice', first: '3', last: '4' } });
    expect(candidateReason(twice, 'zh-CN')).toBe('名称“twice”被第 3 和 4 项同时使用，请重命名其中一项');
    const sneaky = cand({ importable: false, reasonText: { key: 'invalidName', fieldReason: { key: 'nameInvisible' } } });
    expect(candidateReason(sneaky, 'zh-CN')).toMatch(/^名称：请删除不可见的格式字符/);
  });

  it('keep the English of a scan without keys', () => {
    expect(candidateReason(cand({ importable: false, reason: 'it has no name' }), 'zh-CN')).toBe('it has no name');
  });

  it('word the notes of defaults applied', () => {
    const c = cand({
      notes: ['no region set; cn-hangzhou will be used'],
      noteTexts: [{ key: 'noRegion', fallback: 'cn-hangzhou' }, { key: 'noSessionName', fallback: 'eipdesk' }],
    });
    expect(candidateNotes(c, 'en')).toEqual(['no region set; cn-hangzhou will be used', 'no session name set; "eipdesk" will be used']);
    expect(candidateNotes(c, 'zh-CN')).toEqual(['未设置地域，将使用 cn-hangzhou', '未设置会话名称，将使用“eipdesk”']);
  });

  it('word a failed selection by its key', () => {
    const failure = {
      message: 'aliyun-cli:#3 cannot be imported: it has no name',
      text: { key: 'importNotImportable' as const, candidate: 'aliyun-cli:#3', importReason: { key: 'noName' as const } },
    };
    expect(problemMessage(failure, 'en')).toBe('aliyun-cli:#3 cannot be imported: it has no name');
    expect(problemMessage(failure, 'zh-CN')).toBe('aliyun-cli:#3 无法导入：它没有名称');
  });
});

describe('visibleName', () => {
  it('shows bidi overrides and zero-width characters as escapes', () => {
    expect(visibleName('sneaky\u202eadmin')).toBe('sneaky\\u{202E}admin');
    expect(visibleName('a\u200bb')).toBe('a\\u{200B}b');
    expect(visibleName('plain-name')).toBe('plain-name');
  });
});
