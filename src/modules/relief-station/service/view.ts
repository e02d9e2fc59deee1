// A record as the API shows it: codes with their Chinese labels, the ID number masked unless the caller
// manages the record, the stay against its limit, and (in the detail) the steps as a timeline.
import { maskIdNumber } from '../../../kernel/mask.ts';
import type { TimelineKind } from '../codes.ts';
import {
  DECISION_LABELS, EXIT_LABELS, HANDOVER_LABELS, HEALTH_LABELS, IDENTITY_LABELS, LONG_STAY_LABELS, MENTAL_LABELS, METHOD_LABELS, SERVICE_LABELS, SEX_LABELS,
  SOURCE_LABELS, STATUS_LABELS, TRANSPORT_LABELS, UNKNOWN_NAME,
} from '../labels.ts';
import type { RecordRow } from '../repo/records.ts';
import type { journeyOf, searchesOf, servicesOf } from '../repo/steps.ts';
import { ageOn, type Stay } from './stay.ts';

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

export function displayName(r: Pick<RecordRow, 'decision' | 'name'>): string {
  if (r.decision === 'refused') return '';
  return r.name ?? UNKNOWN_NAME;
}

export function itemView(r: RecordRow, stay: Stay, unmasked = false) {
  return {
    recordNo: r.record_no, countyCode: r.county_code, countyName: r.county_name, stationId: r.institution_id, stationName: r.station_name,
    source: r.source, sourceLabel: SOURCE_LABELS[r.source], metOn: r.met_on, place: r.place, displayName: displayName(r),
    idNumber: r.id_number === null ? null : unmasked ? r.id_number : maskIdNumber(r.id_number),
    sex: r.sex, sexLabel: SEX_LABELS[r.sex], age: r.birth_date ? ageOn(r.birth_date, r.met_on) : r.approx_age, minor: r.minor,
    decision: r.decision, decisionLabel: DECISION_LABELS[r.decision], decidedOn: r.decided_on,
    status: r.status, statusLabel: STATUS_LABELS[r.status], enteredOn: r.entered_on, exitedOn: r.exited_on,
    exitKind: r.exit_kind, exitKindLabel: r.exit_kind ? EXIT_LABELS[r.exit_kind] : null, ...stay,
  };
}

interface Children {
  services: Awaited<ReturnType<typeof servicesOf>>;
  searches: Awaited<ReturnType<typeof searchesOf>>;
  journey: Awaited<ReturnType<typeof journeyOf>>;
}

export function detailView(r: RecordRow, stay: Stay, c: Children, mayManage: boolean) {
  const j = c.journey;
  return {
    ...itemView(r, stay, mayManage),
    name: r.name, description: r.description, birthDate: r.birth_date, approxAge: r.approx_age, hukouPlace: r.hukou_place,
    identityStatus: r.identity_status, identityStatusLabel: r.identity_status ? IDENTITY_LABELS[r.identity_status] : null,
    health: r.health, healthLabel: r.health ? HEALTH_LABELS[r.health] : null,
    mentalIllness: r.mental_illness, mentalIllnessLabel: r.mental_illness ? MENTAL_LABELS[r.mental_illness] : null,
    infectiousDisease: r.infectious_disease,
    longStay: r.long_stay_kind && r.long_stay_reason && r.long_stay_on ? { kind: r.long_stay_kind, kindLabel: LONG_STAY_LABELS[r.long_stay_kind], reason: r.long_stay_reason, on: r.long_stay_on } : null,
    exitReceiver: r.exit_receiver, exitNote: r.exit_note,
    referredTo: r.referred_county_code && r.referred_institution_id !== null ? { countyCode: r.referred_county_code, id: Number(r.referred_institution_id), name: r.referred_name ?? '' } : null,
    services: c.services.map((s) => ({ service: s.service, serviceLabel: SERVICE_LABELS[s.service], providedOn: s.provided_on, note: s.note })),
    searches: c.searches.map((s) => ({ method: s.method, methodLabel: METHOD_LABELS[s.method], searchedOn: s.searched_on, result: s.result, found: s.found })),
    journey: j ? {
      destination: j.destination, transport: j.transport, transportLabel: TRANSPORT_LABELS[j.transport], ticketFen: Number(j.ticket_fen), escort: j.escort, escortNames: j.escort_names,
      handedOverTo: j.handed_over_to, handedOverToLabel: HANDOVER_LABELS[j.handed_over_to], receiver: j.receiver, returnedOn: j.returned_on,
    } : null,
    timeline: timeline(r, c),
    mayManage,
  };
}

type Step = { kind: TimelineKind; on: string; label: string; detail: string };

/** 甄别 → 受助/拒绝 → 入站 → 服务、寻亲 → 返乡/转介/离站, in date order (steps of one day in that order). */
function timeline(r: RecordRow, c: Children): Step[] {
  const steps: Step[] = [{ kind: 'screened', on: r.met_on, label: '甄别', detail: `${SOURCE_LABELS[r.source]}，${r.place}` }];
  steps.push({ kind: 'decided', on: r.decided_on, label: DECISION_LABELS[r.decision], detail: r.minor ? '未成年人' : '' });
  if (r.entered_on) steps.push({ kind: 'entered', on: r.entered_on, label: '入站', detail: r.station_name });
  for (const s of c.services) steps.push({ kind: 'service', on: s.provided_on, label: SERVICE_LABELS[s.service], detail: s.note });
  for (const s of c.searches) steps.push({ kind: 'family_search', on: s.searched_on, label: `寻亲：${METHOD_LABELS[s.method]}`, detail: `${s.found ? '已找到亲属。' : ''}${s.result}` });
  if (r.long_stay_kind && r.long_stay_on) steps.push({ kind: 'long_stay', on: r.long_stay_on, label: LONG_STAY_LABELS[r.long_stay_kind], detail: r.long_stay_reason ?? '' });
  const j = c.journey;
  if (j) {
    const escort = j.escort ? `，护送：${j.escort_names.join('、')}` : '';
    steps.push({ kind: 'returned', on: j.returned_on, label: '返乡', detail: `${j.destination}，${TRANSPORT_LABELS[j.transport]}，票款 ${yuan(Number(j.ticket_fen))}${escort}；${HANDOVER_LABELS[j.handed_over_to]}（${j.receiver}）` });
  } else if (r.exit_kind && r.exited_on) {
    const to = r.exit_kind === 'referred' ? `转介至 ${r.referred_name ?? ''}` : '';
    steps.push({ kind: 'exited', on: r.exited_on, label: EXIT_LABELS[r.exit_kind], detail: [to, r.exit_receiver ? `接收人：${r.exit_receiver}` : '', r.exit_note ?? ''].filter(Boolean).join('；') });
  }
  const order: readonly TimelineKind[] = ['screened', 'decided', 'entered', 'service', 'family_search', 'long_stay', 'returned', 'exited'];
  return steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.on < b.s.on ? -1 : a.s.on > b.s.on ? 1 : order.indexOf(a.s.kind) - order.indexOf(b.s.kind) || a.i - b.i)).map((x) => x.s);
}
