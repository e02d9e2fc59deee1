// Public surface of the areas module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { areaPaths, findArea, namesOf, publicChildren } from './repo.ts';
export { areaRoutes } from './routes.ts';
export { loadPrefecture } from './service.ts';
export { actingCounty } from './acting-county.ts';
