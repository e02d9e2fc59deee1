import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/engine.ts';
import type { Scope } from '../kernel/scope.ts';
import type { Config } from '../kernel/config.ts';
import type { User } from '../modules/users/index.ts';

export interface AppContext {
  db: Database;
  config: Config;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A module's HTTP routes, registered under /api/v1. */
export type RouteModule = (app: App, ctx: AppContext) => void;

export interface RegisteredRoute {
  method: string;
  url: string;
  auth: 'public' | 'user' | 'citizen' | 'client';
  /** Whether the route declares the schema of its answers (every API route must). */
  declaresResponse: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    scope: Scope | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /**
     * 'public' routes need no login; 'citizen' routes are the portal's (src/portal), which the staff
     * hook leaves alone — the portal's own hook checks its own cookie; every other route requires a
     * logged-in user. 'client' routes are the SPDCI API's (src/modules/dci), for other systems with
     * their own tokens; the staff hook leaves them alone too.
     */
    auth?: 'public' | 'user' | 'citizen' | 'client';
  }
}
