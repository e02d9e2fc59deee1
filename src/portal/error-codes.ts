// Error codes of the citizen portal (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('portal', {
  invalid_id_number: { status: 400, title: '身份证号码无效（长度、出生日期或校验码不符）' },
  invalid_phone: { status: 400, title: '手机号码应为11位中国大陆手机号' },
  invalid_code: { status: 400, title: '验证码错误或已过期' },
  too_many_codes: { status: 429, title: '获取验证码过于频繁（每个身份证号、每个地址每小时至多5次；Retry-After 给出等待秒数）' },
  too_many_requests: { status: 429, title: '请求过于频繁，请稍后再试（Retry-After 给出等待秒数）' },
  invalid_document: { status: 400, title: '上传的材料或签名无效（类型须为 PNG、JPEG 或 PDF，按文件内容判断；每份不超过 5 MB，至多 10 份）' },
  policy_unavailable: { status: 409, title: '该地区暂未设置相关政策标准，政策计算器无法估算' },
  sms_failed: { status: 500, title: '短信发送失败，请稍后再试' },
});
