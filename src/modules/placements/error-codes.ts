// Error codes of the placements module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('placements', {
  institution_full: { status: 409, title: '供养机构床位已满' },
  placement_status: { status: 409, title: '集中供养安置当前状态不允许此操作' },
  placement_changed: { status: 409, title: '集中供养安置已被他人更新' },
  placement_date: { status: 400, title: '日期早于入住（或申请）日期' },
});
