// Error codes of the policy module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('policy', {
  parameter_value_exists: { status: 409, title: '该参数在此区划和日期已有值' },
  parameter_value_used: { status: 409, title: '参数值已被决定使用，只能以新值替代' },
  parameter_value_from_file: { status: 409, title: '参数值来自政策文件，只能以新值替代' },
});
