import type { FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import type { CitizenScope } from '../kernel/scope.ts';

/** The signed-in citizen of a portal request (the portal hook has already refused a request without one). */
export function citizenOf(req: FastifyRequest): CitizenScope {
  if (!req.citizen) throw AppError.unauthorized();
  return req.citizen;
}
