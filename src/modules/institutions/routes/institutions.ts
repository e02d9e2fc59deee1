// The institution register: list, one institution, register, change; a year's star rating; projects.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import * as api from '../contract/institutions.ts';
import { createInstitution, institutionDetail, listInstitutions, updateInstitution } from '../service/institutions.ts';
import { addProject, addRating, updateProject } from '../service/records.ts';

const tags = ['institutions'];

export const institutionRoutes: RouteModule = (app, { db }) => {
  app.get('/institutions', { schema: { tags, summary: '供养服务机构名册（乡镇、村可见本县机构）', querystring: api.listQuery, response: { 200: api.institutionList } } },
    async (req) => listInstitutions(db, scopeOf(req), req.query));
  app.post('/institutions', { schema: { tags, summary: '登记供养服务机构（县级）', body: api.newInstitutionSchema, response: { 201: api.institutionDetail } } },
    async (req, reply) => reply.status(201).send(await createInstitution(db, scopeOf(req), req.body)));
  app.get('/institutions/:id', { schema: { tags, summary: '供养服务机构：概况、人员与床位、星级评定、建设项目', params: api.institutionIdParam, response: { 200: api.institutionDetail } } },
    async (req) => institutionDetail(db, scopeOf(req), req.params.id));
  app.patch('/institutions/:id', { schema: { tags, summary: '修改供养服务机构（县级，带 version）', params: api.institutionIdParam, body: api.updateInstitutionSchema, response: { 200: api.institutionDetail } } },
    async (req) => updateInstitution(db, scopeOf(req), req.params.id, req.body));
  app.post('/institutions/:id/ratings', { schema: { tags, summary: '记录年度星级评定（县级）', params: api.institutionIdParam, body: api.newRatingSchema, response: { 201: api.institutionDetail } } },
    async (req, reply) => reply.status(201).send(await addRating(db, scopeOf(req), req.params.id, req.body)));
  app.post('/institutions/:id/projects', { schema: { tags, summary: '登记建设项目（县级）', params: api.institutionIdParam, body: api.newProjectSchema, response: { 201: api.projectView } } },
    async (req, reply) => reply.status(201).send(await addProject(db, scopeOf(req), req.params.id, req.body)));
  app.patch('/institutions/:id/projects/:projectId', { schema: { tags, summary: '修改建设项目（县级，带 version）', params: api.projectParam, body: api.updateProjectSchema, response: { 200: api.projectView } } },
    async (req) => updateProject(db, scopeOf(req), req.params.id, req.params.projectId, req.body));
};
