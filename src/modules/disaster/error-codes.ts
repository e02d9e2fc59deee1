// Error codes of the disaster module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('disaster', {
  disaster_event_ended: { status: 409, title: '灾害事件已结束' },
  disaster_damage_registered: { status: 409, title: '该户已在本次灾害中登记' },
  disaster_damage_changed: { status: 409, title: '受灾户登记已被他人更新' },
  disaster_damage_state: { status: 409, title: '受灾户登记当前状态不允许此操作' },
  disaster_damage_verifier: { status: 409, title: '同一人不能两次核查同一户' },
  disaster_winter_surveyed: { status: 409, title: '该户本年度冬春需求已调查' },
  disaster_winter_rejected: { status: 400, title: '冬春需求调查文件有误，未导入任何数据（details.errors 逐行列出）' },
});
