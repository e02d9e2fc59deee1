// The order files start in: within each project, the slowest measured files first (src/test/durations.ts), then the
// others in vitest's own order. Vitest orders by the last run's durations when its cache has them, and by file size
// when not (a fresh clone, CI): there the slowest server files (the CLI's, which spawn processes) are small and
// started among the last, and the run waited on them at its end.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { MEASURED_SECONDS } from './durations.ts';

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Vitest's order keeps each project's files together, in the order the groups and projects run.
    const sorted = await super.sort(files);
    const projectStart = new Map<string, number>();
    sorted.forEach((spec, i) => {
      if (!projectStart.has(spec.project.name)) projectStart.set(spec.project.name, i);
    });
    const seconds = (spec: TestSpecification) => MEASURED_SECONDS[relative(this.ctx.config.root, spec.moduleId)] ?? 0;
    return sorted
      .map((spec, i) => ({ spec, i, start: projectStart.get(spec.project.name) ?? i, seconds: seconds(spec) }))
      .sort((a, b) => a.start - b.start || b.seconds - a.seconds || a.i - b.i)
      .map((x) => x.spec);
  }
}
