// The portal's own messages (zh-CN first; en.ts must have exactly these keys). Pages may add files of their own
// and spread them in here.
import { applyZhCN } from '../pages/apply/messages.zh-CN.ts';

export const zhCN = {
  'app.name': '救助',
  'app.title': '居民服务',
  'lang.switch': 'English',
  'large.on': '大字',
  'large.off': '标准字',
  'nav.home': '我的',
  'nav.cases': '我的申请',
  'nav.payments': '我的救助金',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.error': '出错了：{message}',
  'common.notFound': '没有这个页面',
  'common.backHome': '返回首页',
  'common.logout': '退出登录',

  'signIn.title': '居民登录',
  'signIn.hint': '请使用登记的身份证号码和手机号码登录',
  'signIn.idNumber': '身份证号码',
  'signIn.idNumber.placeholder': '18位身份证号码',
  'signIn.idNumber.required': '请填写身份证号码',
  'signIn.phone': '手机号码',
  'signIn.phone.placeholder': '11位手机号码',
  'signIn.phone.required': '请填写手机号码',
  'signIn.code': '验证码',
  'signIn.code.placeholder': '6位数字验证码',
  'signIn.code.required': '请填写验证码',
  'signIn.getCode': '获取验证码',
  'signIn.resend': '{seconds}秒后可重新获取',
  'signIn.submit': '登录',
  'signIn.sent': '若号码与登记信息一致，验证码已发送',

  'home.greeting': '您好，{name}',
  'home.greetingNew': '您好',
  'home.idNumber': '身份证号码：{idNumber}',
  'home.households': '我的家庭',
  'home.noHouseholds': '暂无登记的家庭。如需申请救助，请联系所在村（社区）或乡镇（街道）。',
  'home.householdNo': '户编号 {householdNo}',
  'home.members': '家庭成员：{names}',
  ...applyZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
