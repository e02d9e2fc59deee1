import type { RouteModule } from '../../../server/context.ts';

export const subsidyRoutes: RouteModule = () => {};
