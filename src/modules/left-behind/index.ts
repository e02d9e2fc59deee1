// Public surface of the left-behind module (留守人员排查摸底与关爱): what the server may use; importing it
// registers its section of the annual report (留守人员关爱).
import './error-codes.ts';
import './tables.ts';
import './service/report-part.ts';
export { leftBehindRoutes } from './routes.ts';
/** Read-only: a surveyed 留守 person (`<county>-<member id>`) in the caller's scope, else 404 like a missing one. */
export { mustSeePerson as mustFindLeftBehindPerson } from './service/access.ts';
