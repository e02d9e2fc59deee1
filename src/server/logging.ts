import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { destination, stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';
import { maskIdNumber, maskPhone } from '../kernel/mask.ts';

/** At most this long between a line logged and its write (a quiet server's lines do not wait for company). */
const LOG_FLUSH_MS = 200;

const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Non-ASCII text, raw or percent-encoded UTF-8: names and addresses in search queries. */
const NON_ASCII = /(?:%[89a-fA-F][0-9a-fA-F]|[^\x00-\x7f])+/g;

/** ID numbers and mobile numbers masked; what the URL also carries as text (names…) becomes `***`. */
export function maskPersonal(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE, (p) => maskPhone(p));
}

export function maskUrl(url: string): string {
  return maskPersonal(url).replace(NON_ASCII, '***');
}

const SECRET_FIELDS = ['password', 'token', 'idNumber', 'memberIdNumber', 'applicantIdNumber', 'phone', 'bankAccount'];

let stdout: DestinationStream | null = null;

/**
 * Stdout written asynchronously, 4 KB at a time and at least every LOG_FLUSH_MS: under load one write for about ten
 * requests' lines, not a blocking write each; pino writes what is left when the process exits. One per process.
 */
function bufferedStdout(): DestinationStream {
  if (stdout) return stdout;
  const stream = destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(), LOG_FLUSH_MS).unref();
  stdout = stream;
  return stream;
}

/**
 * Pino options: request logs carry the path with personal data masked, never credentials; errors
 * keep their message with ID and mobile numbers masked (a database error may quote a row). Without a `stream`,
 * stdout, buffered (bufferedStdout).
 */
export function loggerOptions(level: string, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    stream: stream ?? bufferedStdout(),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', ...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: maskUrl(req.url), remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
      err: (e: Error) => {
        const s = stdSerializers.err(e);
        return { ...s, message: maskPersonal(s.message), stack: maskPersonal(s.stack), ...(typeof s.detail === 'string' ? { detail: maskPersonal(s.detail) } : {}) };
      },
    },
  };
}

/**
 * One line per request, written once it is answered: the masked request, its status and time. Fastify's own
 * controller writes two (one on arrival); at `info` a request should cost one cheap line.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
