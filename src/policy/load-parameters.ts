// Reads the YAML parameter tree (src/policy/parameters/**.yaml), validates each file and flattens it
// into rows {name, description, unit, reference, area, ruleSet, effective, value, valueReference}:
// the same rows the database table holds. A file's name is its path with "/" → "." and no ".yaml".
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type ParameterFile, validateParameterFile } from './parameter-schema.ts';
import { createParameterSet, type ParameterRow, type ParameterSet } from './parameters.ts';

export const PARAMETERS_DIR = fileURLToPath(new URL('./parameters/', import.meta.url));

export type NamedParameterFile = { name: string; path: string; file: ParameterFile };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []))
    .sort();
}

export function parameterName(root: string, path: string): string {
  return relative(root, path).replace(/\.yaml$/, '').split(sep).join('.');
}

/** Parse and validate every parameter file under `root`; throws ParameterFileError on the first bad one. */
export function loadParameterFiles(root: string = PARAMETERS_DIR): NamedParameterFile[] {
  return yamlFiles(root).map((path) => {
    const rel = relative(root, path);
    return { name: parameterName(root, path), path: rel, file: validateParameterFile(rel, parse(readFileSync(path, 'utf8'))) };
  });
}

/** Bumped when the rows made from the same files change (a new field, a new flattening): every database syncs again. */
const ROWS_VERSION = '1';

/**
 * A hash of every parameter file under `root` (relative path and bytes), read without parsing: reading the
 * 191 files takes milliseconds, parsing their YAML a third of a second. Equal stamps mean equal rows.
 */
export function parameterFilesStamp(root: string = PARAMETERS_DIR): string {
  const hash = createHash('sha256').update(ROWS_VERSION);
  for (const path of yamlFiles(root)) hash.update(`\0${relative(root, path)}\0`).update(readFileSync(path));
  return hash.digest('hex');
}

/** One row per dated value: the shape of the parameter table. */
export function flattenParameterFiles(files: readonly NamedParameterFile[]): ParameterRow[] {
  return files.flatMap(({ name, file }) =>
    file.values.map((v) => ({
      name,
      description: file.description,
      unit: file.unit,
      reference: file.reference,
      area: v.area,
      ruleSet: v.rule_set ?? null,
      effective: v.effective,
      value: v.value,
      valueReference: v.reference ?? null,
    })),
  );
}

let cached: ParameterRow[] | undefined;

/** The shipped default rows (黔南州 2015 demo values and national rules), read once. */
export function defaultParameterRows(): ParameterRow[] {
  cached ??= flattenParameterFiles(loadParameterFiles());
  return cached;
}

export function defaultParameterSet(): ParameterSet {
  return createParameterSet(defaultParameterRows());
}
