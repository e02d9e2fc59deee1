// Public surface of the wishes module (微心愿 and charity donations): what the server may use; importing it
// registers its paragraph of the annual report (社会力量参与).
import './error-codes.ts';
import './tables.ts';
import './service/report-part.ts';
export { wishesRoutes } from './routes.ts';
export { createCampaign } from './service/read.ts';
export { newCampaignSchema } from './contract/wishes.ts';
