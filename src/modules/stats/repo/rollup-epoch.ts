// Raised in this process after every committed write of the roll-up's version or refresh state (repo/refresh.ts):
// what an instance knows of the roll-up (service/rollup-known.ts) is dropped at once by its own refreshes, and by
// the other instances' through their notices (migration 0153). One counter for the process: a change of one
// database's roll-up costs the others one query, nothing more.
let epoch = 0;

export function rollupEpoch(): number {
  return epoch;
}

export function rollupWritten(): void {
  epoch++;
}
