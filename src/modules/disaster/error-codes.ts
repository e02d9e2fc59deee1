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
  batch_state: { status: 409, title: '救助批次当前状态不能进行此操作' },
  sample_missing: { status: 409, title: '救助批次尚未抽样' },
  checks_missing: { status: 409, title: '抽中户尚未全部记录抽查结果' },
  no_notice: { status: 409, title: '该类救助先救助后公示' },
  notice_missing: { status: 409, title: '须先公示救助名单' },
  already_checked: { status: 409, title: '已记录抽查结果' },
  already_excluded: { status: 409, title: '该户已剔除' },
  household_head_missing: { status: 409, title: '户籍登记中没有户主' },
});
