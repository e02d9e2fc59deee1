import type { intakeCodesZhCN } from './codes.zh-CN.ts';

export const intakeCodesEn: Record<keyof typeof intakeCodesZhCN, string> = {
  'intake.need.temporary': 'Temporary assistance',
  'intake.need.medical': 'Medical assistance',
  'intake.need.disaster': 'Disaster relief',
  'intake.need.education': 'Education assistance',
  'intake.need.housing': 'Housing assistance',
  'intake.need.employment': 'Employment assistance',
  'intake.need.other': 'Other',

  'intake.channel.window': 'Window',
  'intake.channel.phone': 'Phone',
  'intake.channel.online': 'Online',
  'intake.channel.village': 'Through the village',

  'intake.workCapacity.full': 'Able to work',
  'intake.workCapacity.partial': 'Partly unable to work',
  'intake.workCapacity.none': 'Unable to work',

  'intake.expense.medical': 'Medical',
  'intake.expense.education': 'Education',
  'intake.expense.housing': 'Housing',
  'intake.expense.care': 'Care',
  'intake.expense.other': 'Other',

  'intake.outcome.assisted': 'Assisted',
  'intake.outcome.partially_assisted': 'Partly assisted',
  'intake.outcome.not_eligible': 'Not eligible',
  'intake.outcome.declined': 'Declined by the applicant',

  'intake.partStatus.referred': 'Awaiting acceptance',
  'intake.partStatus.accepted': 'In progress',
  'intake.partStatus.closed': 'Completed',
  'intake.partStatus.case_pending': 'Case in progress',
  'intake.partStatus.awaiting_registration': 'Awaiting household registration',
  'intake.partStatus.opened': 'Case opened',

  'intake.event.refer': 'Referred',
  'intake.event.accept': 'Accepted',
  'intake.event.act': 'Action',
  'intake.event.close': 'Result returned',

  'intake.dept.civil_affairs': 'Civil affairs',

  'complaint.channel.hotline_12349': 'Hotline 12349',
  'complaint.channel.window': 'Window',
  'complaint.channel.online': 'Online',
  'complaint.channel.portal': 'Online (resident portal)',

  'complaint.subject.case': 'Case handling',
  'complaint.subject.recipient': 'Recipient',
  'complaint.subject.staff': 'Staff',
  'complaint.subject.other': 'Other',

  'complaint.category.favouritism': 'Favouritism',
  'complaint.category.fraud': 'Fraudulently obtained',
  'complaint.category.eligibility': 'Not eligible',
  'complaint.category.misconduct': 'Misconduct',
  'complaint.category.other': 'Other',

  'complaint.status.received': 'Registered',
  'complaint.status.assigned': 'Under investigation',
  'complaint.status.concluded': 'Concluded',
  'complaint.status.closed': 'Closed',

  'complaint.conclusion.substantiated': 'Substantiated',
  'complaint.conclusion.partly_substantiated': 'Partly substantiated',
  'complaint.conclusion.unsubstantiated': 'Unsubstantiated',

  'complaint.feedbackChannel.phone': 'Phone',
  'complaint.feedbackChannel.letter': 'Letter',
  'complaint.feedbackChannel.visit': 'In person',
  'complaint.feedbackChannel.sms': 'SMS',
  'complaint.feedbackChannel.online': 'Online',
};
