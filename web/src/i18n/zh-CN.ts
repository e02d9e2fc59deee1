// Default dictionary (zh-CN). Terms follow /spec/glossary.md. en.ts must have exactly these keys.
import { homeZhCN } from '../pages/home/messages.ts';
import { casesZhCN } from '../pages/cases/messages/index.ts';
import { intakeZhCN } from '../pages/intake/messages/index.ts';
import { verificationZhCN } from '../pages/verification/messages/index.ts';
import { payrollZhCN } from '../pages/payroll/messages/index.ts';
import { medicalZhCN } from '../pages/medical/messages/index.ts';
import { disasterZhCN } from '../pages/disaster/messages/index.ts';
import { batchZhCN } from '../pages/disaster/messages/batches.ts';
import { insuranceZhCN } from '../pages/insurance/messages/index.ts';
import { reliefZhCN } from '../pages/relief-station/messages/index.ts';
import { volunteersZhCN } from '../pages/volunteers/messages/index.ts';
import { fundsZhCN } from '../pages/funds/messages/index.ts';
import { wishesZhCN } from '../pages/wishes/messages/index.ts';
import { outreachZhCN } from '../pages/outreach/messages/index.ts';
import { leftBehindZhCN } from '../pages/left-behind/messages/index.ts';
import { purchasedServicesZhCN } from '../pages/purchased-services/messages/index.ts';
import { rerateZhCN } from '../pages/rerate/messages.ts';
import { institutionsZhCN } from '../pages/institutions/messages/index.ts';
import { statsZhCN } from '../pages/stats/messages/index.ts';
import { registryZhCN } from '../pages/registry/messages/index.ts';
import { policyZhCN } from '../pages/policy/messages.ts';
import { offlineZhCN } from '../pages/offline/messages.ts';
import { placementsZhCN } from '../pages/placements/messages.ts';

export const zhCN = {
  'app.name': '救助',
  'app.title': '社会救助信息系统',
  'lang.switch': 'English',

  'menu.dashboard': '首页',
  'menu.registry': '家庭',
  'menu.cases': '案件',
  'menu.caseload': '存量对象导入',
  'menu.intake': '一门受理',
  'menu.verification': '家庭经济状况核对',
  'menu.payroll': '发放',
  'menu.policy': '政策',
  'menu.stats': '统计',
  'menu.areas': '区划',
  'menu.users': '用户',
  'menu.audit': '审计',
  'menu.dci': '对外接口',

  'role.village_clerk': '村（社区）社会救助协理员',
  'role.township_caseworker': '乡镇(街道)受理员',
  'role.county_approver': '县级审批人',
  'role.prefecture_admin': '州级管理员',
  'role.auditor': '审计监督',
  'role.partner': '协作部门',

  'level.prefecture': '州',
  'level.county': '县(市、区)',
  'level.township': '乡(镇、街道)',
  'level.village': '村(社区)',
  'kind.functional_zone': '功能区',

  'dept.education': '教育',
  'dept.housing': '住房城乡建设',
  'dept.human_resources': '人力资源社会保障',
  'dept.medical_security': '医疗保障',
  'dept.disability_federation': '残联',
  'dept.emergency_management': '应急管理',
  'dept.health': '卫生健康',
  'dept.public_security': '公安',
  'dept.natural_resources': '自然资源',
  'dept.tax': '税务',

  'header.area': '当前区划',
  'header.logout': '退出登录',
  'header.password': '修改密码',
  'header.openMenu': '打开菜单',
  'header.menu': '菜单',
  'header.userMenu': '当前用户',

  'password.title': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.rules': '至少 10 位；不能是常用密码、重复或连续的字符，也不能包含用户名或姓名',
  'password.mismatch': '两次输入的新密码不一致',
  'password.submit': '确认修改',
  'password.success': '密码已修改，其他设备上的登录已失效',

  'common.loading': '加载中…',
  'common.loadFailed': '加载失败：{message}',
  'common.required': '请填写{field}',
  'common.nonNegative': '不能为负数',
  'common.unsaved.title': '离开此页？',
  'common.unsaved.content': '未保存的内容将丢失。',
  'common.unsaved.leave': '离开',
  'common.unsaved.stay': '留在此页',
  'common.search': '搜索',
  'common.noData': '暂无数据',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.error.invalid_credentials': '用户名或密码错误',
  'login.error.too_many_attempts': '尝试次数过多，请稍后再试',
  'login.error.generic': '登录失败：{message}',

  'comingSoon.title': '建设中',
  'comingSoon.description': '“{module}”模块正在建设中，敬请期待。',

  'dashboard.welcome': '欢迎，{name}',
  'dashboard.intro': '您的工作区划为{area}。下面是您的待办事项，点击卡片打开相应列表。',

  'areas.title': '行政区划',
  'areas.path': '所属',
  'areas.count.county': '县(市、区)',
  'areas.count.township': '乡(镇、街道)',
  'areas.count.village': '村(社区)',
  'areas.tree': '下级区划',
  'areas.search.placeholder': '按名称或代码搜索区划',
  'areas.search.empty': '未找到匹配的区划',
  'areas.search.results': '搜索结果',
  'areas.urban.label': '城乡属性',
  'areas.urban.urban': '城镇',
  'areas.urban.rural': '农村',
  'areas.urban.derived': '按村（居）委会名称推定',
  'areas.urban.manual': '人工设定',
  'areas.urban.saved': '城乡属性已保存',

  'users.title': '用户',
  'users.col.username': '用户名',
  'users.col.displayName': '姓名',
  'users.col.role': '角色',
  'users.col.area': '区划',
  'users.col.department': '部门',
  'users.col.password': '初始密码',
  'users.create.title': '新建用户',
  'users.create.submit': '创建',
  'users.create.success': '已创建用户 {name}',

  'audit.title': '审计日志',
  'audit.col.id': '序号',
  'audit.col.at': '时间',
  'audit.col.actor': '操作人',
  'audit.col.action': '操作',
  'audit.col.entity': '对象',
  'audit.col.area': '区划',
  'audit.system': '系统',
  'audit.loadMore': '加载更早的记录',
  'audit.verify': '校验审计链',
  'audit.verify.ok': '审计链完整，共校验 {checked} 条记录',
  'audit.verify.broken': '审计链在第 {id} 条记录处断裂（已校验 {checked} 条）',

  // 家庭 (registry): household list, household page, forms, import.
  ...registryZhCN,
  // 政策 (policy): parameters, explanation, simulator.
  ...policyZhCN,
  ...casesZhCN,
  ...intakeZhCN,
  ...verificationZhCN,
  ...payrollZhCN,
  ...medicalZhCN,
  ...disasterZhCN,
  ...batchZhCN,
  ...insuranceZhCN,
  ...reliefZhCN,
  ...volunteersZhCN,
  ...fundsZhCN,
  ...purchasedServicesZhCN,
  ...rerateZhCN,
  ...wishesZhCN,
  ...outreachZhCN,
  ...leftBehindZhCN,
  ...institutionsZhCN,
  ...placementsZhCN,
  ...offlineZhCN,
  ...statsZhCN,
  ...homeZhCN,
};

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
