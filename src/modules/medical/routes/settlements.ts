import type { RouteModule } from '../../../server/context.ts';

export const settlementRoutes: RouteModule = () => {};
