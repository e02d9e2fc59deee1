// The disaster module's API shapes for the web (which may import a module's contract.ts only),
// inferred from the routes' zod schemas, and the codes the web offers as choices.
import type { z } from 'zod';
import type { damageList, damageView } from './contract/damage.ts';
import type { eventCreated, eventDetail, eventList } from './contract/events.ts';
import type { eventFigures } from './contract/event-figures.ts';
import type { goodsIssued, goodsList } from './contract/goods.ts';
import type { reportFigures, reportList, reportView } from './contract/reports.ts';
import type { winterNeedList } from './contract/winter.ts';

export { DISASTER_KINDS, RESPONSE_LEVELS } from './codes.ts';
export type { DisasterKind, ResponseLevel } from './codes.ts';
export type EventCreated = z.output<typeof eventCreated>;
export type EventList = z.output<typeof eventList>;
export type EventItem = EventList['items'][number];
export type EventDetail = z.output<typeof eventDetail>;
export type EventFigures = z.output<typeof eventFigures>;
export type ReportFigures = z.output<typeof reportFigures>;
export type ReportView = z.output<typeof reportView>;
export type ReportList = z.output<typeof reportList>;

import type { batchDetail, batchList, decideResult, memberList } from './contract/batches.ts';
export { BATCH_KINDS, BATCH_STATUSES } from './batch-codes.ts';
export type { BatchKind, BatchStatus } from './batch-codes.ts';
export type BatchDetail = z.output<typeof batchDetail>;
export type BatchList = z.output<typeof batchList>;
export type BatchItem = BatchList['items'][number];
export type MemberList = z.output<typeof memberList>;
export type MemberItem = MemberList['items'][number];
export type DecideResult = z.output<typeof decideResult>;
// 受灾户登记, 救灾物资发放, 冬春需求调查.
export { DAMAGE_STATUSES, GOODS_ITEMS, HOUSE_GRADES, HOUSE_STRUCTURES, HOUSEHOLD_TYPES } from './codes.ts';
export type { DamageStatus, GoodsItemCode, HouseGrade, HouseholdType, HouseStructureCode } from './codes.ts';
export type DamageView = z.output<typeof damageView>;
export type DamageList = z.output<typeof damageList>;
export type DamageItem = DamageList['items'][number];
export type GoodsIssued = z.output<typeof goodsIssued>;
export type GoodsList = z.output<typeof goodsList>;
export type WinterNeedList = z.output<typeof winterNeedList>;
