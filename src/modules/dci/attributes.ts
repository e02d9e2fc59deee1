// The attributes a client may be granted (what records show) and those a query may filter by
// (README "Connecting another system (SPDCI)" documents both).

/** Fields of a record a client may see; those in MASKED show masked unless the client holds an unmasked grant. */
export const ATTRIBUTES = ['name', 'id_number', 'sex', 'birth_date', 'age', 'relation', 'hukou', 'area', 'address', 'phone', 'categories', 'programme', 'disability'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const MASKED: ReadonlySet<Attribute> = new Set<Attribute>(['name', 'id_number', 'address', 'phone']);

/** Query attributes of `expression` and `predicate` queries, with the record attribute a client needs to use them. */
export const QUERY_ATTRIBUTES = {
  area: null,
  hukou: 'hukou',
  programme: 'programme',
  category: 'categories',
  age: 'age',
} as const satisfies Record<string, Attribute | null>;
export type QueryAttribute = keyof typeof QUERY_ATTRIBUTES;

/** Identifier types of `idtype-value` queries: UIN = 公民身份号码 (needs `id_number`), HOUSEHOLD_ID = household number. */
export const ID_TYPES = { UIN: 'id_number', HOUSEHOLD_ID: null } as const satisfies Record<string, Attribute | null>;
export type IdType = keyof typeof ID_TYPES;

export const isAttribute = (v: string): v is Attribute => (ATTRIBUTES as readonly string[]).includes(v);
export const isQueryAttribute = (v: string): v is QueryAttribute => v in QUERY_ATTRIBUTES;
