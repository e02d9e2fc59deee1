// One mechanism for explanations: a formula runs against a Trace, which reads parameters through a
// recording ParameterSet wrapper and collects named steps. Each step carries the value it computed
// and the parameters read since the previous step (name, value, unit, effective, area, reference).
import { periodDate } from './dates.ts';
import type { ParameterData, ParameterSet, ParameterValue, RuleSet } from './parameters.ts';
import { ruleSetFor } from './formulas/rule-set.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ParameterRead = ParameterValue;

export type Step = {
  /** Dotted name of what was computed, e.g. "dibao_benefit.base". */
  name: string;
  value: JsonValue;
  /** Unit of the value when it has one (fen_per_month, fen, …). */
  unit: string | null;
  parameters: ParameterRead[];
};

export type Explained<T> = { value: T; steps: Step[] };

/** What every formula call needs besides the facts. `period` is YYYY-MM or YYYY-MM-DD. */
export type PolicyRequest = { params: ParameterSet; period: string; ruleSet?: RuleSet };

/** A ParameterSet wrapper that records every value it returns. */
export function tracingParameterSet(inner: ParameterSet, sink: ParameterRead[]): ParameterSet {
  return {
    get(name, areaCode, date, ruleSet) {
      const value = inner.get(name, areaCode, date, ruleSet);
      sink.push(value);
      return value;
    },
  };
}

export class Trace {
  readonly date: string;
  readonly ruleSet: RuleSet;
  readonly params: ParameterSet;
  private readonly reads: ParameterRead[] = [];
  private readonly steps: Step[] = [];

  constructor(request: PolicyRequest, readonly areaCode: string) {
    this.date = periodDate(request.period);
    this.params = tracingParameterSet(request.params, this.reads);
    this.ruleSet = request.ruleSet ?? ruleSetFor(this.date, this.params);
    this.step('rule_set', this.ruleSet);
  }

  /** Read a parameter for this trace's area (or another area, e.g. where an emergency happened). */
  param(name: string, areaCode: string = this.areaCode): ParameterValue {
    return this.params.get(name, areaCode, this.date, this.ruleSet);
  }

  number(name: string, areaCode?: string): number {
    return expect(this.param(name, areaCode), 'number', (v): v is number => typeof v === 'number');
  }

  /** A money parameter in integer fen. */
  fen(name: string, areaCode?: string): number {
    const p = this.param(name, areaCode);
    if (!p.unit.startsWith('fen')) throw new Error(`Parameter "${name}" is not money (unit ${p.unit})`);
    return expect(p, 'number', (v): v is number => typeof v === 'number');
  }

  bool(name: string, areaCode?: string): boolean {
    return expect(this.param(name, areaCode), 'boolean', (v): v is boolean => typeof v === 'boolean');
  }

  text(name: string, areaCode?: string): string {
    return expect(this.param(name, areaCode), 'string', (v): v is string => typeof v === 'string');
  }

  list(name: string, areaCode?: string): string[] {
    return expect(this.param(name, areaCode), 'list', (v): v is string[] => Array.isArray(v));
  }

  /** Record a computed value with the parameters read since the last step; returns the value. */
  step<T extends JsonValue>(name: string, value: T, unit: string | null = null): T {
    this.steps.push({ name, value, unit, parameters: this.reads.splice(0) });
    return value;
  }

  done<T>(value: T): Explained<T> {
    if (this.reads.length > 0) this.step('unattributed_parameters', null);
    return { value, steps: [...this.steps] };
  }
}

function expect<T extends ParameterData>(p: ParameterValue, kind: string, is: (v: ParameterData) => v is T): T {
  if (!is(p.value)) throw new Error(`Parameter "${p.name}" is not a ${kind} (unit ${p.unit})`);
  return p.value;
}

/** Run a formula body against a fresh Trace and return its value with the steps. */
export function explain<T>(request: PolicyRequest, areaCode: string, body: (t: Trace) => T): Explained<T> {
  const trace = new Trace(request, areaCode);
  return trace.done(body(trace));
}
