// Answers written from their declared response schemas: each route's zod schema becomes a JSON Schema once, on
// the route's first answer, and fast-json-stringify compiles a writer for it, which puts out exactly the declared
// fields (like zod's output, unknown keys are left out) without walking the value twice. A schema JSON Schema
// cannot express (a transform, a date, a bigint) keeps zod's encoding and JSON.stringify. Under the tests every
// answer is also checked against its zod schema, so a handler that strays from its schema still fails there.
import fastJson from 'fast-json-stringify';
import type { FastifyReply, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { toJSONSchema } from 'zod';
import { $ZodType } from 'zod/v4/core';

type RouteSchema = Parameters<typeof zodSerializerCompiler>[0];
type Write = (data: unknown) => string;

function zodSchemaOf(schema: unknown): $ZodType | null {
  if (schema instanceof $ZodType) return schema;
  if (typeof schema === 'object' && schema !== null && 'properties' in schema && schema.properties instanceof $ZodType) return schema.properties;
  return null;
}

/** Writers by zod schema: the route modules' schemas are shared by every app a process builds (tests build dozens). */
const compiled = new WeakMap<$ZodType, Write | null>();

/** The compiled writer, or null where the schema cannot be written as JSON Schema (zod then writes it). */
export function compileWriter(schema: unknown): Write | null {
  const zod = zodSchemaOf(schema);
  if (!zod) return null;
  const known = compiled.get(zod);
  if (known !== undefined) return known;
  const write = compileFresh(zod);
  compiled.set(zod, write);
  return write;
}

function compileFresh(zod: $ZodType): Write | null {
  try {
    // OpenAPI 3.0's `nullable: true` is what fast-json-stringify writes fastest (no anyOf to try at run time).
    const json = toJSONSchema(zod, { target: 'openapi-3.0', io: 'output', unrepresentable: 'throw', cycles: 'throw', reused: 'inline' });
    // zod's JSON Schema type is wider than fast-json-stringify's (an object, array or scalar schema).
    return fastJson(json as Parameters<typeof fastJson>[0]);
  } catch {
    return null;
  }
}

const CHECK_EVERY_ANSWER = process.env.VITEST !== undefined;

/**
 * A writer for answers a route sends already written (a Buffer skips Fastify's serializer): the same writer the
 * route's schema would get (compiled on its first answer), and under the tests the same check against the zod schema.
 */
export function answerWriter<T>(schema: $ZodType<T>): (data: T) => string {
  const viaZod = zodSerializerCompiler({ schema, method: 'GET', url: '', httpStatus: '200' });
  let write: Write | null = null;
  return (data) => {
    write ??= compileWriter(schema) ?? viaZod;
    if (CHECK_EVERY_ANSWER && write !== viaZod) viaZod(data);
    return write(data);
  };
}

/** Fastify's serializer compiler for the zod type provider's routes. */
export const schemaSerializerCompiler: FastifySerializerCompiler<RouteSchema['schema']> = (route) => {
  const viaZod = zodSerializerCompiler(route);
  let write: Write | null = null;
  return (data) => {
    write ??= compileWriter(route.schema) ?? viaZod;
    if (CHECK_EVERY_ANSWER && write !== viaZod) viaZod(data);
    return write(data);
  };
};

/** Sends an answer `answerWriter` wrote (bytes: Fastify sends them as they are, past the route's serializer). */
export function sendWritten(reply: FastifyReply, bytes: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(bytes);
}
