// Error codes of the citizen portal (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('portal', {
  invalid_id_number: { status: 400, title: '身份证号码无效（长度、出生日期或校验码不符）' },
  invalid_phone: { status: 400, title: '手机号码应为11位中国大陆手机号' },
  invalid_code: { status: 400, title: '验证码错误或已过期' },
  too_many_codes: { status: 429, title: '获取验证码过于频繁（每个身份证号、每个地址每小时至多5次；Retry-After 给出等待秒数）' },
  too_many_requests: { status: 429, title: '请求过于频繁，请稍后再试（Retry-After 给出等待秒数）' },
  policy_unavailable: { status: 409, title: '该地区暂未设置相关政策标准，政策计算器无法估算' },
  sms_failed: { status: 500, title: '短信发送失败，请稍后再试' },
  oidc_state_invalid: { status: 400, title: '一网通办登录：登录请求无效、已使用或已过期（state 与本浏览器不符），请重新登录' },
  oidc_denied: { status: 400, title: '一网通办登录：统一身份认证未完成登录（已取消、未获授权，或授权码无效）' },
  oidc_id_number_invalid: { status: 400, title: '一网通办登录：统一身份认证提供的身份证号码缺失或无效（校验码不符）' },
  oidc_token_invalid: { status: 502, title: '一网通办登录：统一身份认证返回的 id_token 未通过校验（签名、签发方、受众、有效期或 nonce）' },
  oidc_unavailable: { status: 502, title: '一网通办登录：统一身份认证服务无法访问或答复无效' },
});
