import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** A progress bar on a terminal, plain percentage lines otherwise (CI logs, pipes). */
export function progressBar(label: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta}s`, stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return {
      update: (done, t) => {
        if (t !== undefined) bar.setTotal(t);
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastPct = -1;
  let max = total;
  return {
    update(done, t) {
      if (t !== undefined) max = t;
      const pct = max > 0 ? Math.floor((done / max) * 10) * 10 : 100;
      if (pct !== lastPct) {
        lastPct = pct;
        process.stderr.write(`${label}: ${pct}% (${done}/${max})\n`);
      }
    },
    stop() {},
  };
}
