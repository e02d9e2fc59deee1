// Names of the intake's and complaints' codes (zh-CN); English in codes.en.ts with the same keys.
export const intakeCodesZhCN = {
  'intake.need.temporary': '临时救助',
  'intake.need.medical': '医疗救助',
  'intake.need.disaster': '受灾人员救助',
  'intake.need.education': '教育救助',
  'intake.need.housing': '住房救助',
  'intake.need.employment': '就业救助',
  'intake.need.other': '其他',

  'intake.channel.window': '窗口',
  'intake.channel.phone': '电话',
  'intake.channel.online': '网上',
  'intake.channel.village': '村(社区)代办',

  'intake.workCapacity.full': '有劳动能力',
  'intake.workCapacity.partial': '部分丧失劳动能力',
  'intake.workCapacity.none': '无劳动能力',

  'intake.expense.medical': '医疗',
  'intake.expense.education': '教育',
  'intake.expense.housing': '住房',
  'intake.expense.care': '照料护理',
  'intake.expense.other': '其他',

  'intake.outcome.assisted': '已救助',
  'intake.outcome.partially_assisted': '部分救助',
  'intake.outcome.not_eligible': '不符合条件',
  'intake.outcome.declined': '申请人放弃',

  'intake.partStatus.referred': '待接收',
  'intake.partStatus.accepted': '办理中',
  'intake.partStatus.closed': '已办结',
  'intake.partStatus.case_pending': '案件办理中',
  'intake.partStatus.awaiting_registration': '待登记立案',
  'intake.partStatus.opened': '已立案',

  'intake.event.refer': '转办',
  'intake.event.accept': '接收',
  'intake.event.act': '办理情况',
  'intake.event.close': '反馈结果',

  'intake.dept.civil_affairs': '民政',

  'complaint.channel.hotline_12349': '12349 热线',
  'complaint.channel.window': '窗口',
  'complaint.channel.online': '网上',
  'complaint.channel.portal': '网上（居民端）',

  'complaint.subject.case': '案件办理',
  'complaint.subject.recipient': '救助对象',
  'complaint.subject.staff': '工作人员',
  'complaint.subject.other': '其他',

  'complaint.category.favouritism': '关系保、人情保',
  'complaint.category.fraud': '骗取救助',
  'complaint.category.eligibility': '不符合条件',
  'complaint.category.misconduct': '工作作风',
  'complaint.category.other': '其他',

  'complaint.status.received': '已登记',
  'complaint.status.assigned': '调查中',
  'complaint.status.concluded': '已查结',
  'complaint.status.closed': '已办结',

  'complaint.conclusion.substantiated': '查实',
  'complaint.conclusion.partly_substantiated': '部分查实',
  'complaint.conclusion.unsubstantiated': '不属实',

  'complaint.feedbackChannel.phone': '电话',
  'complaint.feedbackChannel.letter': '书面',
  'complaint.feedbackChannel.visit': '当面',
  'complaint.feedbackChannel.sms': '短信',
  'complaint.feedbackChannel.online': '网上',
};
