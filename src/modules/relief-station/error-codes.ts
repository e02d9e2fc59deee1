// Error codes of the relief-station module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('relief-station', {
  relief_station_status: { status: 409, title: '救助记录当前状态不允许此操作' },
  relief_station_minor_exit: { status: 409, title: '未成年人只能由亲属接回、护送返乡交接或转未成年人救助保护中心' },
  relief_station_long_stay: { status: 409, title: '在站救助超过期限，须先登记延长救助的批准或转介原因' },
  relief_station_refusal_data: { status: 400, title: '不愿受助人员只登记日期、地点、性别、大致年龄，不得登记姓名、身份证号等个人信息' },
});
