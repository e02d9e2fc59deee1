// Public surface of the purchased-services module (政府购买服务 and the village 社会救助协理员): what the server
// may use; importing it registers its paragraph of the annual report (社会力量参与).
import './error-codes.ts';
import './tables.ts';
import './service/report-part.ts';
export { purchasedServicesRoutes } from './routes.ts';
