// Error codes of the left-behind module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('left-behind', {
  left_behind_duplicate_survey: { status: 409, title: '该人员本年度已有同类留守排查记录' },
});
