import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { todoResult } from './contract.ts';
import { myTodo } from './service/todo.ts';

export const todoRoutes: RouteModule = (app, { db }) => {
  app.get('/me/todo', { schema: { tags: ['todo'], summary: '我的待办：本人角色与辖区内各类待办事项的件数（含超期数与列表入口）和最早超期的事项（事项、地区、期限、超期天数）', response: { 200: todoResult } } },
    async (req) => myTodo(db, scopeOf(req)));
};
