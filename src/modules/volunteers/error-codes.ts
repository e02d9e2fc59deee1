// Error codes of the volunteers module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('volunteers', {
  volunteer_org_credit_code_taken: { status: 409, title: '该统一社会信用代码已登记' },
  volunteer_org_name_taken: { status: 409, title: '本县已有同名社会组织' },
  volunteer_id_number_taken: { status: 409, title: '该身份证号码已在本县注册为志愿者' },
  volunteer_team_name_taken: { status: 409, title: '该组织已有同名志愿服务队伍' },
  volunteer_already_member: { status: 409, title: '该志愿者已是本队伍成员' },
  volunteer_self_confirmation: { status: 409, title: '志愿者不能确认本人的服务时长' },
  volunteer_record_confirmed: { status: 409, title: '服务记录已确认' },
});
