// GET /api/v1/error-codes: the catalogue of error codes (src/kernel/error-codes.ts) for API clients.
import { z } from 'zod';
import { errorCodes } from '../kernel/error-codes.ts';
import type { RouteModule } from './context.ts';

const catalogue = z.object({ items: z.array(z.object({ code: z.string(), status: z.number(), title: z.string(), owner: z.string() })) });

export const errorCodeRoutes: RouteModule = (app) => {
  app.get('/error-codes', { config: { auth: 'public' }, schema: { tags: ['meta'], summary: '错误代码表：代码、HTTP 状态与含义', response: { 200: catalogue } } },
    async () => ({ items: errorCodes() }));
};
