// SPDCI timestamps: RFC 3339 with an offset; ours in China time (+08:00, no daylight saving).

export const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** `2026-12-07T10:00:00.000+08:00`. */
export function chinaTimestamp(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** Whether the text is an RFC 3339 date-time with an offset that names a real instant. */
export function isTimestamp(text: string): boolean {
  return RFC3339.test(text) && !Number.isNaN(Date.parse(text));
}
