// Work items run a few at a time (counties of a payroll run on PostgreSQL: service/run.ts).

/** `fn` for each item, at most `width` at a time; after a failure no new item starts, and the first failure is thrown. */
export async function sideBySide<T>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (failures.length === 0 && next < items.length) {
      const index = next++;
      try {
        await fn(items[index] as T, index);
      } catch (e) {
        failures.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
}
