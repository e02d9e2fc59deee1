// The signed-in citizen of a portal request (set by the portal's hook in routes.ts).
import type { FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import type { CitizenScope } from '../kernel/scope.ts';

export function citizenOf(req: FastifyRequest): CitizenScope {
  if (!req.citizen) throw AppError.unauthorized();
  return req.citizen;
}
