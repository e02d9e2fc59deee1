// Chinese names of the codes staff never see (the API sends them beside the codes).
import type { Decision, ExitKind, Handover, Health, IdentityStatus, LongStayKind, MentalIllness, SearchMethod, Service, Sex, Source, Status, Transport } from './codes.ts';

export const SOURCE_LABELS: Record<Source, string> = { street_outreach: '街面巡查', walk_in: '主动求助', police: '公安护送', referral: '其他部门转介' };
export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };
export const IDENTITY_LABELS: Record<IdentityStatus, string> = { verified: '已核实', claimed: '自述', unknown: '不明' };
export const HEALTH_LABELS: Record<Health, string> = { healthy: '健康', ill: '患病', injured: '受伤' };
export const MENTAL_LABELS: Record<MentalIllness, string> = { none: '无', suspected: '疑似精神障碍', diagnosed: '确诊精神障碍' };
export const DECISION_LABELS: Record<Decision, string> = {
  accepted: '自愿受助', refused: '不愿受助', sent_to_hospital: '送医救治', minor_to_protection_centre: '转未成年人救助保护中心',
};
export const STATUS_LABELS: Record<Status, string> = { refused: '不愿受助', screened: '已甄别', in_station: '在站', exited: '已离站' };
export const SERVICE_LABELS: Record<Service, string> = { food: '饮食', lodging: '住宿', medical: '医疗', clothing: '衣物' };
export const METHOD_LABELS: Record<SearchMethod, string> = {
  fingerprint: '指纹比对', dna: 'DNA 比对', photo_publication: '寻亲公告（全国救助寻亲网）', police_check: '公安核查', family_contact: '联系亲属',
};
export const EXIT_LABELS: Record<ExitKind, string> = { returned_home: '返乡', family_pickup: '亲属接回', referred: '转介', left_voluntarily: '自行离站', died: '死亡' };
export const LONG_STAY_LABELS: Record<LongStayKind, string> = { approval: '批准延长救助', referral_pending: '办理转介中' };
export const TRANSPORT_LABELS: Record<Transport, string> = { train: '火车', bus: '汽车', plane: '飞机', ship: '轮船', car: '专车', other: '其他' };
export const HANDOVER_LABELS: Record<Handover, string> = { family: '交亲属', local_civil_affairs: '交当地民政部门' };
export const UNKNOWN_NAME = '无名氏';
