// Cheap client-side checks with Chinese messages; the server has the last word (e.g. the ID check digit).
import type { FormRule } from 'antd';
import type { Translate } from '../../i18n/context.ts';

export const NAME_PATTERN = /^[\p{Script=Han}·]{2,20}$/u;
export const ID_PATTERN = /^(\d{17}[\dXx]|\d{15})$/;
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const BANK_ACCOUNT_PATTERN = /^(\d{12,30})?$/;

export function useRules(t: Translate) {
  const required = (label: string): FormRule => ({ required: true, message: t('common.required', { field: label }) });
  return {
    required,
    name: [required(t('registry.field.name')), { pattern: NAME_PATTERN, message: t('registry.form.nameInvalid') }] satisfies FormRule[],
    idNumber: [
      required(t('registry.field.idNumber')),
      { pattern: ID_PATTERN, message: t('registry.form.idNumberInvalid') },
    ] satisfies FormRule[],
    phone: [{ pattern: PHONE_PATTERN, message: `${t('registry.field.phone')}${t('registry.form.phoneInvalid')}` }] satisfies FormRule[],
    bankAccount: [{ pattern: BANK_ACCOUNT_PATTERN, message: t('registry.form.bankAccountInvalid') }] satisfies FormRule[],
  };
}
