import type { Translate } from '../../i18n/context.ts';
import { zhCN, type MessageKey } from '../../i18n/zh-CN.ts';

const isKey = (key: string): key is MessageKey => key in zhCN;

/** The words of a code (`registry.member_add` → registry, member, add) in the user's language; null if one is unknown. */
function words(t: Translate, code: string): string[] | null {
  const out: string[] = [];
  for (const w of code.split(/[._]/)) {
    const key = `audit.word.${w}`;
    if (!isKey(key)) return null;
    const word = t(key);
    if (word !== '' && out[out.length - 1] !== word) out.push(word);
  }
  return out;
}

/**
 * An audit action by name: its module, then what was done (`registry.member.add` → 家庭：成员新增). A case's step
 * (`case.home_visit`) by the workflow's own label when `caseStep` knows it (案件：入户调查; '' when it does not).
 */
export function auditActionLabel(t: Translate, action: string, locale: string, caseStep?: (code: string) => string): string {
  const [module = '', ...rest] = action.split('.');
  const step = module === 'case' && rest.length === 1 && caseStep ? caseStep(rest[0] ?? '') : '';
  if (step !== '') return t('audit.actionOf', { module: t('audit.word.case'), rest: step });
  const head = words(t, module);
  const tail = words(t, rest.join('.'));
  if (!head || !tail) return t('audit.other');
  const sep = locale === 'en' ? ' ' : '';
  return tail.length === 0 ? head.join(sep) : t('audit.actionOf', { module: head.join(sep), rest: tail.join(sep) });
}

/** The kind of record an audit entry is about (`registry_demo` → 家庭演示数据). */
export function auditEntityLabel(t: Translate, entity: string, locale: string): string {
  const w = words(t, entity);
  return w ? w.join(locale === 'en' ? ' ' : '') : t('audit.otherEntity');
}
