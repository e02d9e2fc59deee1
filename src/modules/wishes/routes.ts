// HTTP of 微心愿 and charity donations: wishes (record, publish, claim, fulfil, withdraw, list, one), the wish
// wall (masked; staff-only until the citizen portal), campaigns, donations, a household's assistance, figures.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as d from './contract/donations.ts';
import * as api from './contract/wishes.ts';
import { createDonation, householdAssistance, listDonations } from './service/donations.ts';
import { createCampaign, listCampaigns, listWishes, wishDetail, wishFigures, wishWall } from './service/read.ts';
import { claimWish, createWish, fulfilWish, publishWish, wishClaimants, withdrawWish } from './service/wishes.ts';

const tags = ['wishes'];
const base = '/wishes';
const one = `${base}/:wishNo`;

export const wishesRoutes: RouteModule = (app, { db }) => {
  app.post(base, { schema: { tags, summary: '登记微心愿（须经家庭同意；价值不超过上限；内容不得含姓名、身份证号、电话、住址）', body: api.newWishSchema, response: { 200: api.wishDetail } } },
    async (req) => wishDetail(db, scopeOf(req), await createWish(db, scopeOf(req), req.body)));
  app.get(base, { schema: { tags, summary: '微心愿列表（按区划、状态、活动、家庭；发布后超期无人认领预警）', querystring: api.wishListQuery, response: { 200: api.wishList } } },
    async (req) => listWishes(db, scopeOf(req), req.query));
  app.get(`${base}/wall`, { schema: { tags, summary: '心愿墙：已发布的心愿，家庭信息脱敏（只显示村（社区）名称）；公众访问待市民门户', querystring: api.wallQuery, response: { 200: api.wall } } },
    async (req) => wishWall(db, scopeOf(req), req.query));
  app.get(`${base}/figures`, { schema: { tags, summary: '微心愿与慈善捐赠统计（按县）：发布、实现、待认领、捐赠笔数与金额', querystring: api.figuresQuery, response: { 200: api.figures } } },
    async (req) => wishFigures(db, scopeOf(req), req.query));
  app.get(`${base}/campaigns`, { schema: { tags, summary: '心愿活动（本县及本州的活动）', response: { 200: api.campaignList } } },
    async (req) => listCampaigns(db, scopeOf(req)));
  app.post(`${base}/campaigns`, { schema: { tags, summary: '新建心愿活动（如"点亮微心愿"）', body: api.newCampaignSchema, response: { 200: api.campaign } } },
    async (req) => createCampaign(db, scopeOf(req), req.body));
  app.get(`${base}/donations`, { schema: { tags, summary: '慈善捐赠列表（按家庭、活动）', querystring: d.donationListQuery, response: { 200: d.donationList } } },
    async (req) => listDonations(db, scopeOf(req), req.query));
  app.post(`${base}/donations`, { schema: { tags, summary: '登记慈善捐赠（现金或物资，捐给指定家庭或心愿活动）', body: d.newDonationSchema, response: { 200: d.donation } } },
    async (req) => createDonation(db, scopeOf(req), req.body));
  app.get(`${base}/households/:householdNo/assistance`, { schema: { tags, summary: '家庭获得的救助：政府救助（待遇）与慈善帮扶（微心愿、捐赠）并列，标出同月重复', params: d.householdParam, querystring: d.assistanceQuery, response: { 200: d.assistance } } },
    async (req) => householdAssistance(db, scopeOf(req), req.params.householdNo, req.query));
  app.get(one, { schema: { tags, summary: '一个微心愿：登记、同意、发布、认领、实现或撤回', params: api.wishNoParam, response: { 200: api.wishDetail } } },
    async (req) => wishDetail(db, scopeOf(req), req.params.wishNo));
  app.get(`${one}/claimants`, { schema: { tags, summary: '可认领此心愿的社会力量（本县登记的社会组织、志愿服务队伍、志愿者；志愿者姓名脱敏）', params: api.wishNoParam, querystring: api.claimantsQuery, response: { 200: api.claimants } } },
    async (req) => wishClaimants(db, scopeOf(req), req.params.wishNo, req.query));
  const stepSchema = <B>(summary: string, body: B) => ({ schema: { tags, summary, params: api.wishNoParam, body, response: { 200: api.wishDetail } } });
  app.post(`${one}/publish`, stepSchema('发布到心愿墙', api.publishSchema),
    async (req) => { await publishWish(db, scopeOf(req), req.params.wishNo, req.body); return wishDetail(db, scopeOf(req), req.params.wishNo); });
  app.post(`${one}/claim`, stepSchema('登记认领（从社会力量登记中选择社会组织、志愿服务队伍或志愿者，或填写爱心人士姓名；只能认领一次）', api.claimSchema),
    async (req) => { await claimWish(db, scopeOf(req), req.params.wishNo, req.body); return wishDetail(db, scopeOf(req), req.params.wishNo); });
  app.post(`${one}/fulfil`, stepSchema('登记心愿实现（须有照片或签字确认凭证）', api.fulfilSchema),
    async (req) => { await fulfilWish(db, scopeOf(req), req.params.wishNo, req.body); return wishDetail(db, scopeOf(req), req.params.wishNo); });
  app.post(`${one}/withdraw`, stepSchema('撤回心愿（登记原因）', api.withdrawSchema),
    async (req) => { await withdrawWish(db, scopeOf(req), req.params.wishNo, req.body); return wishDetail(db, scopeOf(req), req.params.wishNo); });
};
