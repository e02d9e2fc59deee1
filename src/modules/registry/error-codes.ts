// Error codes of the registry module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('registry', {
  household_changed: { status: 409, title: '家庭信息已被他人修改' },
  id_number_registered: { status: 409, title: '身份证号码已在其他家庭登记' },
  import_rejected: { status: 400, title: '导入文件有误，未导入任何数据' },
  no_areas: { status: 400, title: '区划尚未加载' },
  no_villages: { status: 400, title: '没有可用的村（社区）' },
  too_many_households: { status: 400, title: '户数过多' },
});
