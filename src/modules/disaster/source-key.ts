// What opens a relief case in bulk (`cases.source_key`, unique per county): the kind, the event or the
// 冬春 season, and the household — so nobody is decided twice for one kind of one event or season.
export const sourceKeyPrefix = (kind: string, eventOrSeason: string): string => `disaster:${kind}:${eventOrSeason}:`;
