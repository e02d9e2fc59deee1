import Fastify from 'fastify';
import type { DestinationStream } from 'pino';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import { z } from 'zod';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { areaRoutes } from '../modules/areas/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { authRoutes } from '../modules/auth/index.ts';
import { userRoutes } from '../modules/users/index.ts';
import { registryRoutes } from '../modules/registry/index.ts';
import { caseRoutes } from '../modules/cases/index.ts';
import { caseloadRoutes } from '../modules/caseload/index.ts';
import { intakeRoutes } from '../modules/intake/index.ts';
import { complaintRoutes } from '../modules/oversight/index.ts';
import { registryTransferRoutes } from '../modules/registry/index.ts';
import { policyRoutes } from '../modules/policy/index.ts';
import { verificationRoutes } from '../modules/verification/index.ts';
import { payrollRoutes } from '../modules/payroll/index.ts';
import { startRollupRefresher, statsRoutes } from '../modules/stats/index.ts';
import { medicalRoutes } from '../modules/medical/index.ts';
import { disasterRoutes } from '../modules/disaster/index.ts';
import { housingInsuranceRoutes } from '../modules/housing-insurance/index.ts';
import { reliefStationRoutes } from '../modules/relief-station/index.ts';
import { volunteerRoutes } from '../modules/volunteers/index.ts';
import { wishesRoutes } from '../modules/wishes/index.ts';
import { outreachRoutes } from '../modules/outreach/index.ts';
import { leftBehindRoutes } from '../modules/left-behind/index.ts';
import { purchasedServicesRoutes } from '../modules/purchased-services/index.ts';
import { fundsRoutes } from '../modules/funds/index.ts';
import { institutionsRoutes } from '../modules/institutions/index.ts';
import { placementRoutes } from '../modules/placements/index.ts';
import { todoRoutes } from '../modules/todo/index.ts';
import { PORTAL_PREFIX, portalRoutes } from '../portal/index.ts';
import { DCI_PREFIX, dciAdminRoutes, dciRoutes } from '../modules/dci/index.ts';
import { authHook } from './auth-hook.ts';
import { errorCodeRoutes } from './error-code-routes.ts';
import type { App, AppContext, RegisteredRoute, RouteModule } from './context.ts';
import { AppError } from '../kernel/errors.ts';
import { errorHandler } from './errors.ts';
import { statementTimeoutHook } from '../db/statement-timeout.ts';
import { badUrl, refuseHostileInput } from './hostile-input.ts';
import { registerSecurityHeaders } from './headers.ts';
import { loggerOptions, RequestLog } from './logging.ts';
import { createMetrics, mayReadMetrics } from './metrics.ts';
import { registerStatic } from './static.ts';
import { schemaSerializerCompiler } from './serializer.ts';
import { opsRoutes } from '../ops/routes.ts';

/** Every module's routes; a new module adds its one line here. */
export const ROUTE_MODULES: RouteModule[] = [errorCodeRoutes, authRoutes, areaRoutes, userRoutes, auditRoutes, registryRoutes, policyRoutes, registryTransferRoutes, caseRoutes, institutionsRoutes, intakeRoutes, complaintRoutes, verificationRoutes, payrollRoutes, medicalRoutes, disasterRoutes, housingInsuranceRoutes, reliefStationRoutes, placementRoutes, statsRoutes, volunteerRoutes, wishesRoutes, leftBehindRoutes, purchasedServicesRoutes, caseloadRoutes, fundsRoutes, outreachRoutes, todoRoutes, dciAdminRoutes];

export interface BuiltApp {
  app: App;
  routes: RegisteredRoute[];
}

/** The OpenAPI document as @fastify/swagger builds it, passed through whole (spread: its type has no index signature). */
const openApiDocument = z.record(z.string(), z.unknown());

/** A hop count as Fastify applies it (its types omit the number form). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** `logStream`: where the log goes instead of stdout (tests read it). */
/** `opsToken`: the token of the server's note (src/ops/control.ts); with it, POST /ops/backup answers. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean; logStream?: DestinationStream; opsToken?: string } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(ctx.config.logLevel, opts.logStream),
    // Drives req.ip (login throttling, the /metrics loopback check) from X-Forwarded-For only for trusted proxies.
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    frameworkErrors: badUrl,
    logController: new RequestLog(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(schemaSerializerCompiler);
  app.setErrorHandler(errorHandler);
  refuseHostileInput(app);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: r.url, auth: r.config?.auth ?? 'user', declaresResponse: r.schema?.response !== undefined });
    }
  });

  const metrics = createMetrics();
  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  await registerSecurityHeaders(app, ctx.config);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Jiuzhu 救助 API', version: '0.1.0', description: '社会救助信息系统 API' }, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'jiuzhu_session' } } } },
    transform: jsonSchemaTransform,
  });
  // Every query of a request runs under the statement timeout (PostgreSQL); long work a request starts opts out.
  app.addHook('onRequest', statementTimeoutHook(ctx.config.statementTimeoutMs));
  // A listening server keeps the statistics roll-up in the background; the dashboard reads it as it stands.
  if (ctx.config.statsRefreshSeconds > 0) {
    let stopRefresher = async () => {};
    app.addHook('onListen', async () => {
      stopRefresher = startRollupRefresher(ctx.db, { intervalSeconds: ctx.config.statsRefreshSeconds, log: (m) => app.log.info(m) });
    });
    app.addHook('onClose', async () => {
      await stopRefresher();
    });
  }
  app.decorateRequest('user', null);
  app.decorateRequest('scope', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', authHook(ctx));

  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => {
    await ctx.db.kysely.selectFrom('areas').select('code').limit(1).execute();
    // A replica down or behind is no failure of the server (its reads go to the primary): shown, not 503.
    const replica = await ctx.db.reads.state();
    return { status: 'ok', engine: ctx.db.engine, dciTestMode: ctx.config.dciTestMode, ...(replica ? { replica } : {}) };
  });
  app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (!mayReadMetrics(req, ctx.config)) throw new AppError('not_found', `没有这个地址：${req.method} /metrics`, 404);
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  if (opts.opsToken !== undefined) opsRoutes(app, ctx, opts.opsToken);
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true, response: { 200: openApiDocument } } }, async () => ({ ...app.swagger() }));

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      for (const mod of ROUTE_MODULES) mod(typed, ctx);
    },
    { prefix: '/api/v1' },
  );
  // The citizen portal: its own cookie, hook and rate limit (src/portal/README.md).
  await app.register(async (portal) => portalRoutes(portal.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: PORTAL_PREFIX });
  // The SPDCI social-registry API for other systems: its own client tokens and error envelope (src/modules/dci).
  await app.register(async (dci) => dciRoutes(dci.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: DCI_PREFIX });
  await registerStatic(app);
  await app.ready();
  return { app, routes };
}

