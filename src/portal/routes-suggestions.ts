// 政策找人 on the portal: what the signed-in citizen's household may apply for, from the outreach tasks.
import { z } from 'zod';
import { citizenSuggestions } from '../modules/outreach/index.ts';
import type { App, AppContext } from '../server/context.ts';
import { citizenOf } from './request.ts';

const suggestions = z.object({
  items: z.array(z.object({ householdNo: z.string(), programme: z.string().nullable(), title: z.string(), message: z.string() })),
});

export function suggestionRoutes(app: App, { db }: AppContext): void {
  app.get('/suggestions', {
    config: { auth: 'citizen' },
    schema: { tags: ['portal'], summary: '居民端：政策找人——本户可能符合的救助（仅供参考，以审核为准）', response: { 200: suggestions } },
  }, async (req) => ({ items: (await citizenSuggestions(db, citizenOf(req))).map(({ householdNo, programme, title, message }) => ({ householdNo, programme, title, message })) }));
}
