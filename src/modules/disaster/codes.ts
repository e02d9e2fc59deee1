// The codes of the module: kinds of disaster and emergency-response levels (labels: labels.ts).
export const DISASTER_KINDS = ['flood', 'landslide', 'hail', 'drought', 'freeze', 'earthquake', 'fire', 'storm', 'other'] as const;
export type DisasterKind = (typeof DISASTER_KINDS)[number];
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];
