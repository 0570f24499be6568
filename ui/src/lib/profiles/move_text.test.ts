import { describe, expect, it } from 'vitest';
import { moveReason, moveReasonText } from './move_text';

describe('move reasons', () => {
  it('word why a profile is not moved in zh-CN, nesting import refusals and errors', () => {
    expect(moveReasonText({ key: 'stsToken' }, 'zh-CN')).toBe('其密钥是临时 STS Token，会自行过期，无需保存');
    expect(moveReasonText({ key: 'stsToken' }, 'en')).toBe('its key is a temporary STS token, which expires on its own; there is nothing to keep');
    expect(moveReasonText({ key: 'notInFile' }, 'zh-CN')).toBe('文件中没有该名称且保存了 AccessKey 的配置');
    const refused = { key: 'notImportable', importReason: { key: 'invalidSetting', setting: 'access_key_secret', fieldReason: { key: 'singleLine' } } } as const;
    expect(moveReasonText(refused, 'zh-CN')).toBe('access_key_secret：必须为单行');
    const failed = {
      key: 'importFailed',
      cause: { key: 'importProfileFailed', candidate: 'aliyun-cli:prod', cause: { key: 'profileNameTaken', name: 'prod' } },
    } as const;
    expect(moveReasonText(failed, 'zh-CN')).toBe('导入 aliyun-cli:prod 失败：已存在名为“prod”的配置档案');
    expect(moveReasonText({ key: 'importFailedVerbatim', detail: 'disk full' }, 'zh-CN')).toBe('disk full');
  });

  it('fall back to the English of a report without keys', () => {
    expect(moveReason({ reason: 'it could not be imported', reasonText: null }, 'zh-CN')).toBe('it could not be imported');
    expect(moveReason({ reason: 'x', reasonText: { key: 'notImported' } }, 'zh-CN')).toBe('无法导入');
  });
});
