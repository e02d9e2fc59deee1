import type { RouteModule } from '../../../server/context.ts';

export const claimRoutes: RouteModule = () => {};
