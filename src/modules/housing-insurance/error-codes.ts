// Error codes of the housing-insurance module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('housing-insurance', {
  insurance_policy_exists: { status: 409, title: '该县该年度的农房保险保单已存在' },
  insurance_not_insured: { status: 409, title: '该户农房未在本年度保单的参保名单中' },
  insurance_peril_not_covered: { status: 409, title: '该灾种不在保单保险责任范围内' },
  insurance_out_of_coverage: { status: 409, title: '灾害发生日期不在保险期间内' },
  insurance_no_damage_entry: { status: 409, title: '受灾户登记中没有该户在该灾害事件中的记录' },
  insurance_damage_not_verified: { status: 409, title: '受灾户登记尚未核实，不能定损' },
  insurance_claim_exists: { status: 409, title: '该户农房在该灾害事件中已有理赔' },
  insurance_claim_status: { status: 409, title: '理赔当前状态不允许此操作' },
  insurance_no_policy: { status: 409, title: '该年度没有农房保险保单' },
  insured_list_rejected: { status: 400, title: '承保清单有误，未导入' },
});
