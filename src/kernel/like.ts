// LIKE patterns from what a user typed: the pattern's own characters (\ % _) escaped, so that a name
// with an underscore matches itself and "%" matches no one.

const escaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `LIKE 'typed%'`: what starts with the text (a text_pattern_ops index serves it in any collation). */
export const likePrefix = (s: string): string => `${escaped(s)}%`;
