// The audit page names every action and record kind in Chinese (issue 23: 审计 shows 账号：登录, not auth.login).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel } from './labels.ts';

/** Every `action: 'module.verb'` and `entity: 'kind'` the server writes to the audit log (literals in src/). */
function auditCodes(): { actions: Set<string>; entities: Set<string> } {
  const root = fileURLToPath(new URL('../../../../src', import.meta.url));
  const actions = new Set<string>();
  const entities = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !p.includes('/test/') && !p.includes('/probes/')) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) actions.add(m[1] ?? '');
        for (const m of text.matchAll(/entity: '([a-z_]+)'/g)) entities.add(m[1] ?? '');
      }
    }
  };
  walk(root);
  return { actions, entities };
}

describe('audit actions and records by name', () => {
  it('reads an action as its module and what was done', () => {
    expect(auditActionLabel('auth.login', 'zh-CN')).toBe('账号：登录');
    expect(auditActionLabel('registry.member.add', 'zh-CN')).toBe('家庭：成员新增');
    expect(auditActionLabel('relief_station.record.create', 'zh-CN')).toBe('救助管理站：记录新建');
    expect(auditEntityLabel('registry_demo', 'zh-CN')).toBe('家庭演示数据');
    expect(auditActionLabel('nothing.known', 'zh-CN')).toBe('其他操作');
    // A case's step by the workflow's label.
    const steps = new Map([['home_visit', '入户调查']]);
    expect(auditActionLabel('case.home_visit', 'zh-CN', (code) => steps.get(code) ?? '')).toBe('案件：入户调查');
  });

  it('names every action and record kind the server writes', () => {
    const { actions, entities } = auditCodes();
    expect(actions.size).toBeGreaterThan(100);
    expect([...actions].filter((a) => auditActionLabel(a, 'zh-CN') === '其他操作')).toEqual([]);
    expect([...entities].filter((e) => auditEntityLabel(e, 'zh-CN') === '其他')).toEqual([]);
  });
});
