// The 对外接口 page names every code the API answers in Chinese, and its Chinese text holds no code (the walk's
// checker, e2e/codeText.ts, over every message, also those of the drawers the walk does not open).
import { describe, expect, it } from 'vitest';
import { codeSnippets } from '../../../../e2e/codeText.ts';
import { ATTRIBUTES } from '../../../../src/modules/dci/contract.ts';
import { actionKey, eventKey, recordKey } from './labels.ts';
import { dciEn } from './messages/index.en.ts';
import { dciZhCN } from './messages/index.ts';

describe('对外接口 labels', () => {
  it('names actions, events and record types, unknown ones as other', () => {
    expect(['search', 'txn-status', 'subscribe', 'unsubscribe', 'later'].map((a) => dciZhCN[actionKey(a)])).toEqual(['查询', '查询交易状态', '订阅', '退订', '其他操作']);
    expect(['UPDATE', 'spdci:common:RegistryEventType:NewHouseHoldMember', 'BIRTH'].map((e) => dciZhCN[eventKey(e)])).toEqual(['家庭信息变更', '新增家庭成员', '其他事件']);
    expect(['Group', 'Member', 'x'].map((r) => dciZhCN[recordKey(r)])).toEqual(['家庭', '成员', '其他']);
  });

  it('names every attribute a system may be granted, in both languages', () => {
    for (const a of ATTRIBUTES) {
      expect(dciZhCN[`dci.attr.${a}`], a).toMatch(/\p{Script=Han}/u);
      expect(dciEn[`dci.attr.${a}`], a).toMatch(/[a-z]/);
    }
  });

  it('shows no code in its Chinese text', () => {
    // {name} and the like are filled in with what is shown.
    expect(Object.entries(dciZhCN).flatMap(([k, v]) => codeSnippets(v.replace(/\{\w+\}/g, '')).map((s) => `${k}: ${s}`))).toEqual([]);
  });
});
