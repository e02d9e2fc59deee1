// Code health of the parameter tree (PolicyEngine-style convention tests): every file has a
// description, unit, reference and dated values with well-formed area codes, and no two values share
// (area, rule_set, effective). Checks run on the raw YAML so a failure names the file and field.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isAreaCode } from './area.ts';
import { PARAMETERS_DIR, defaultParameterRows, loadParameterFiles } from './load-parameters.ts';
import { ParameterFileError, UNITS, validateParameterFile } from './parameter-schema.ts';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []);
}

const files = yamlFiles(PARAMETERS_DIR).map((path) => ({
  file: relative(PARAMETERS_DIR, path),
  data: parse(readFileSync(path, 'utf8')) as Record<string, unknown>,
}));

function problems(check: (file: string, data: Record<string, unknown>) => string[]): string[] {
  return files.flatMap(({ file, data }) => check(file, data));
}

const valuesOf = (data: Record<string, unknown>): Record<string, unknown>[] =>
  Array.isArray(data.values) ? (data.values as Record<string, unknown>[]) : [];

describe('parameter conventions', () => {
  it('finds the parameter files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('every parameter has a description, a reference and a known unit', () => {
    const bad = problems((file, d) => [
      ...(typeof d.description === 'string' && d.description.trim() ? [] : [`${file}: description missing`]),
      ...(typeof d.reference === 'string' && d.reference.trim() ? [] : [`${file}: reference missing`]),
      ...((UNITS as readonly unknown[]).includes(d.unit) ? [] : [`${file}: unit missing or unknown (${String(d.unit)})`]),
    ]);
    expect(bad).toEqual([]);
  });

  it('every value has an effective date, a well-formed area code and a value', () => {
    const bad = problems((file, d) => {
      const values = valuesOf(d);
      if (values.length === 0) return [`${file}: no values`];
      return values.flatMap((v, i) => [
        ...(typeof v.effective === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.effective) ? [] : [`${file}: values.${i}.effective missing`]),
        ...(typeof v.area === 'string' && isAreaCode(v.area) ? [] : [`${file}: values.${i}.area malformed (${String(v.area)})`]),
        ...('value' in v ? [] : [`${file}: values.${i}.value missing`]),
      ]);
    });
    expect(bad).toEqual([]);
  });

  it('no two values share (area, rule_set, effective)', () => {
    const bad = problems((file, d) => {
      const keys = valuesOf(d).map((v) => `${String(v.area)}|${String(v.rule_set ?? '*')}|${String(v.effective)}`);
      return keys.filter((k, i) => keys.indexOf(k) !== i).map((k) => `${file}: duplicate ${k}`);
    });
    expect(bad).toEqual([]);
  });

  it('every file passes the schema and the tree flattens to rows', () => {
    expect(loadParameterFiles().length).toBe(files.length);
    const rows = defaultParameterRows();
    expect(rows.length).toBeGreaterThanOrEqual(files.length);
    expect(rows.every((r) => r.description && r.reference && r.effective)).toBe(true);
  });

  it('a demo value says so in its reference', () => {
    const rows = defaultParameterRows().filter((r) => r.name.startsWith('medical.inpatient.annual_cap'));
    expect(rows.every((r) => (r.valueReference ?? r.reference).includes('demo default, not from a source'))).toBe(true);
  });
});

describe('parameter file validator', () => {
  it('rejects a broken file, naming the file and each bad field', () => {
    const broken = {
      description: '',
      unit: 'yuan_per_person_month',
      values: [
        { area: '52270', effective: '2015-01-01', value: 495 },
        { area: '522701', effective: '2015-13-01', value: 'x' },
        { area: '522701', effective: '2015-13-01', value: 'x' },
      ],
    };
    let error: unknown;
    try {
      validateParameterFile('dibao/standard/broken.yaml', broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParameterFileError);
    const { file, issues, message } = error as ParameterFileError;
    expect(file).toBe('dibao/standard/broken.yaml');
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['description', 'reference', 'values.0.area', 'values.1.effective']));
    expect(message).toContain('dibao/standard/broken.yaml');
    expect(message).toContain('values.0.area');
  });

  it('rejects a value that does not fit its unit and a duplicate key', () => {
    const file = {
      description: '比例',
      unit: 'ratio',
      reference: 'test',
      values: [
        { area: 'CN', effective: '2015-01-01', value: 1.5 },
        { area: 'CN', effective: '2015-01-01', value: 0.5 },
      ],
    };
    expect(() => validateParameterFile('x/ratio.yaml', file)).toThrow(/x\/ratio\.yaml.*values\.0\.value: must be a number in \[0, 1\]/);
    expect(() => validateParameterFile('x/ratio.yaml', file)).toThrow(/values\.1: duplicate \(area, rule_set, effective\) CN\|\*\|2015-01-01/);
  });

  it('rejects unknown fields', () => {
    const file = { description: 'd', unit: 'days', reference: 'r', values: [{ area: 'CN', effective: '2015-01-01', value: 7, note: 'x' }] };
    expect(() => validateParameterFile('x/days.yaml', file)).toThrow(/x\/days\.yaml: values\.0/);
  });
});
