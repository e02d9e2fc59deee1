// An autocannon-style load: `connections` keep-alive connections, each sending its next request as soon as the
// previous one is answered, for a fixed time after a warm-up; the answers' rate, latency percentiles and any
// answer other than the expected status. Plain node:http (one Agent, one socket per connection): the load itself
// costs the machine as little as it can, since the server shares the two cores with it.
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** Per request: its own body (each creation needs its own ID numbers) and headers over `headers` (whose login). */
  next?: () => { body: string; headers?: Record<string, string> };
  expect: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** Expected answers per second in the measured window. */
  rate: number;
  p50: number;
  p95: number;
  /** Answers with another status (or failed connections), by status. */
  errors: Record<string, number>;
}

function send(agent: http.Agent, base: URL, r: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const own = r.next?.();
    const body = own?.body;
    const headers = body === undefined ? r.headers : { ...r.headers, ...own?.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request({ agent, host: base.hostname, port: base.port, path: r.path, method: r.method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!);

/** Drives `r` from `connections` connections: `warmupMs` unmeasured, then `seconds` measured. */
export async function load(base: URL, r: LoadRequest, connections: number, seconds: number, warmupMs: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  const worker = async () => {
    for (let now = performance.now(); now < end; now = performance.now()) {
      let status: string;
      try {
        status = String(await send(agent, base, r));
      } catch (e) {
        status = (e as NodeJS.ErrnoException).code ?? 'failed';
      }
      const done = performance.now();
      if (now < measureFrom || done > end) continue;
      if (status === String(r.expect)) {
        ok++;
        latencies.push(done - now);
      } else errors[status] = (errors[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return { connections, seconds, rate: ok / seconds, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), errors };
}
