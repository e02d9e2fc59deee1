// Error codes of the scenarios (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('scenarios', {
  scenario_not_empty: { status: 400, title: '情景数据只能加载到空的数据库' },
});
