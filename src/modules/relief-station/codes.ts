// The codes of 救助管理站 records: how a person came, screening findings, the decision, statuses, services,
// 寻亲 methods, exits and the return journey. Labels: labels.ts.
export const SOURCES = ['street_outreach', 'walk_in', 'police', 'referral'] as const;
export type Source = (typeof SOURCES)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const IDENTITY_STATUSES = ['verified', 'claimed', 'unknown'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];
export const HEALTHS = ['healthy', 'ill', 'injured'] as const;
export type Health = (typeof HEALTHS)[number];
export const MENTAL_ILLNESS = ['none', 'suspected', 'diagnosed'] as const;
export type MentalIllness = (typeof MENTAL_ILLNESS)[number];
export const DECISIONS = ['accepted', 'refused', 'sent_to_hospital', 'minor_to_protection_centre'] as const;
export type Decision = (typeof DECISIONS)[number];
export const STATUSES = ['refused', 'screened', 'in_station', 'exited'] as const;
export type Status = (typeof STATUSES)[number];
export const SERVICES = ['food', 'lodging', 'medical', 'clothing'] as const;
export type Service = (typeof SERVICES)[number];
export const SEARCH_METHODS = ['fingerprint', 'dna', 'photo_publication', 'police_check', 'family_contact'] as const;
export type SearchMethod = (typeof SEARCH_METHODS)[number];
export const EXIT_KINDS = ['returned_home', 'family_pickup', 'referred', 'left_voluntarily', 'died'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];
/** Exits of the generic exit step (返乡 and 转介 have their own steps with their own data). */
export const PLAIN_EXITS = ['family_pickup', 'left_voluntarily', 'died'] as const;
export type PlainExit = (typeof PLAIN_EXITS)[number];
export const LONG_STAY_KINDS = ['approval', 'referral_pending'] as const;
export type LongStayKind = (typeof LONG_STAY_KINDS)[number];
export const TRANSPORTS = ['train', 'bus', 'plane', 'ship', 'car', 'other'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const HANDOVERS = ['family', 'local_civil_affairs'] as const;
export type Handover = (typeof HANDOVERS)[number];
/** Steps of a record's timeline (detail view). */
export const TIMELINE_KINDS = ['screened', 'decided', 'entered', 'service', 'family_search', 'long_stay', 'returned', 'exited'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
