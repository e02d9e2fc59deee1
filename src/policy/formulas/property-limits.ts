// Property within local limits (社会救助暂行办法 art. 9; 审核确认办法 art. 14; 2012: art. 17):
// deposits and other financial assets up to N months of the household's standard, no motor vehicle
// except a disabled person's mobility vehicle, no business registration, at most N houses. Every
// limit is a parameter of the prefecture; failures are named so a rejection can state its reason.
import type { Trace } from '../explain.ts';
import type { HouseholdFacts } from '../facts.ts';

export type PropertyFailure = 'deposits' | 'vehicle' | 'business_registration' | 'houses';
export type PropertyTest = { withinLimits: boolean; failures: PropertyFailure[] };

/** `standardSum`: the sum of the counted members' monthly standards, in fen. */
export function propertyWithinLimits(t: Trace, household: HouseholdFacts, standardSum: number): PropertyTest {
  const { assets } = household;
  const failures: PropertyFailure[] = [];
  const depositLimit = t.step(
    'property.deposit_limit',
    t.number('dibao.property.deposit_months') * standardSum,
    'fen',
  );
  if (assets.deposits > depositLimit) failures.push('deposits');
  const countedVehicles = assets.vehicles.filter((v) => v !== 'disability_mobility' && v !== 'farm_machine');
  if (countedVehicles.length > 0 && !t.bool('dibao.property.vehicle_allowed')) failures.push('vehicle');
  if (assets.businessRegistered && !t.bool('dibao.property.business_registration_allowed')) {
    failures.push('business_registration');
  }
  if (assets.houses > t.number('dibao.property.max_houses')) failures.push('houses');
  t.step('property.failures', failures);
  return { withinLimits: t.step('property.within_limits', failures.length === 0), failures };
}
