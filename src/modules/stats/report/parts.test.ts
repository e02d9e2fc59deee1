// Parts sharing a heading form one section, placed where its first part with something to say stands,
// its paragraphs in the parts' order; parts with nothing to say add nothing.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../db/engine.ts';
import { systemScope } from '../../../kernel/scope.ts';
import { partSections, type ReportPart } from './parts.ts';

const part = (key: string, heading: string, order: number, paragraphs: string[]): ReportPart => ({ key, heading, order, paragraphs: async () => paragraphs });
const ctx = { db: {} as Database, scope: systemScope(), area: { code: '522701', name: '都匀市', level: 'county' }, year: 2015, place: '全县' };

describe('report part sections', () => {
  it('joins parts of one heading into one section, in order', async () => {
    const parts = [
      part('relief-station', '救助管理工作', 20, ['救助']),
      part('volunteers', '社会力量参与', 30, ['志愿']),
      part('wishes', '社会力量参与', 31, ['心愿', '捐赠']),
      part('purchased-services', '社会力量参与', 32, ['购买服务']),
      part('left-behind', '留守人员关爱', 40, ['留守']),
    ];
    expect(await partSections(ctx, parts)).toEqual([
      { key: 'relief-station', heading: '救助管理工作', paragraphs: ['救助'] },
      { key: 'volunteers', heading: '社会力量参与', paragraphs: ['志愿', '心愿', '捐赠', '购买服务'] },
      { key: 'left-behind', heading: '留守人员关爱', paragraphs: ['留守'] },
    ]);
  });

  it('leaves out parts with nothing to say, and a heading none of whose parts has anything', async () => {
    const parts = [part('volunteers', '社会力量参与', 30, []), part('wishes', '社会力量参与', 31, ['心愿']), part('left-behind', '留守人员关爱', 40, [])];
    expect(await partSections(ctx, parts)).toEqual([{ key: 'wishes', heading: '社会力量参与', paragraphs: ['心愿'] }]);
    expect(await partSections(ctx, [part('volunteers', '社会力量参与', 30, []), part('wishes', '社会力量参与', 31, [])])).toEqual([]);
  });
});
