import { describe, expect, it } from 'vitest';
import { readableMessage } from './client.ts';

describe('the message staff read of a refusal', () => {
  it.each([
    { name: 'field paths are dropped', message: 'body.signerIdNumber: 身份证号码校验码不符', fields: [{ field: 'body.signerIdNumber', message: '身份证号码校验码不符' }], shown: '身份证号码校验码不符' },
    { name: 'several fields, each message once', message: 'appliedOn: 日期格式应为 YYYY-MM-DD；members.0.name: 请填写姓名；members.1.name: 请填写姓名', fields: [{ field: 'appliedOn', message: '日期格式应为 YYYY-MM-DD' }, { field: 'members.0.name', message: '请填写姓名' }, { field: 'members.1.name', message: '请填写姓名' }], shown: '日期格式应为 YYYY-MM-DD；请填写姓名' },
    { name: 'no fields: the message as answered', message: '案件已结案，不能再执行此步骤', fields: [], shown: '案件已结案，不能再执行此步骤' },
  ])('$name', ({ message, fields, shown }) => {
    expect(readableMessage(message, fields)).toBe(shown);
  });
});
