// Form rules used across the staff UI.
import type { FormRule } from 'antd';
import type { Translate } from '../i18n/context.ts';

/**
 * An amount or count that must not be negative: refused at its field. (antd's `min={0}` would turn a typed
 * -5 into 0 on blur, silently.)
 */
export const nonNegative = (t: Translate): FormRule => ({ type: 'number', min: 0, message: t('common.nonNegative') });
