// The placements module's API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { figures, institutionOccupancy, occupancy, placement, placementList } from './contract/shapes.ts';

export type Placement = z.output<typeof placement>;
export type PlacementList = z.output<typeof placementList>;
export type Occupancy = z.output<typeof occupancy>;
export type InstitutionOccupancy = z.output<typeof institutionOccupancy>;
export type PlacementFigures = z.output<typeof figures>;
