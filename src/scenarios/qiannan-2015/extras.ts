// The stages that load what the other programmes need for the seed's year (受灾人员救助, 医疗救助, 临时救助, 社会
// 力量, 一门受理 …), after the 低保/特困 caseload and the 提标: each in a file of its own beside this one, run in
// this order by load.ts, its counts in the result under its stage.
import type { Database } from '../../db/engine.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { DemoVillage } from '../../modules/registry/index.ts';
import { disasterStage } from './disaster.ts';
import type { ScenarioPlan } from './plan.ts';
import { socialExtra } from './social.ts';
import { medicalStage } from './medical.ts';
import { reliefStationStage } from './relief-station.ts';
import { temporaryStage } from './temporary.ts';

export interface ScenarioContext {
  db: Database;
  scope: Scope;
  plan: ScenarioPlan;
  /** The villages of 黔南州 (with their county and urban mark). */
  villages: readonly DemoVillage[];
  /** Deterministic per stage: a generator seeded with it gives the same data every time. */
  seed: string;
}

export interface ScenarioExtra {
  /** Its name in the progress, the timings and the result (e.g. `disaster`). */
  stage: string;
  /** Loads its data; returns what it loaded, counted (shown by the CLI). */
  load(ctx: ScenarioContext): Promise<Record<string, number>>;
}

export const EXTRAS: readonly ScenarioExtra[] = [disasterStage, medicalStage, temporaryStage, reliefStationStage, socialExtra];
