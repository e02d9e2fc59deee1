import { describe, expect, it } from 'vitest';
import { readableMessage } from './client.ts';

describe('the message staff read of a refusal', () => {
  it.each([
    { name: 'a field path is dropped', message: 'body.signerIdNumber: 身份证号码校验码不符', shown: '身份证号码校验码不符' },
    { name: 'several fields, each message once', message: 'appliedOn: 日期格式应为 YYYY-MM-DD；members.0.name: 请填写姓名；members.1.name: 请填写姓名', shown: '日期格式应为 YYYY-MM-DD；请填写姓名' },
    { name: 'a refusal with its own sentence keeps it', message: '实名举报须先记录向举报人反馈的情况（日期、方式、内容）才能办结', shown: '实名举报须先记录向举报人反馈的情况（日期、方式、内容）才能办结' },
    { name: 'times and Chinese colons stay', message: '请于 09:30 前到窗口：带上户口本', shown: '请于 09:30 前到窗口：带上户口本' },
  ])('$name', ({ message, shown }) => {
    expect(readableMessage(message)).toBe(shown);
  });
});
