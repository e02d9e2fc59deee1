// Public surface of the verification module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { requestSummaries } from './repo/requests.ts';
export { verificationRoutes } from './routes.ts';
export { sourceTemplate } from './service/files.ts';
export { rescreen } from './service/rescreen.ts';
export { startRescreenSchedule } from './service/schedule.ts';
export { importSourceFile, listSources, sourceOf } from './service/snapshots.ts';
export { recordAuthorization } from './service/requests.ts';
