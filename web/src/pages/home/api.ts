// The 待办 part of the /api/v1 contract (src/modules/todo/contract.ts).
import { api } from '../../api/client.ts';
import type { TodoCardView, TodoOverdueView, TodoResult } from '../../../../src/modules/todo/contract.ts';

export type { TodoCardView, TodoOverdueView, TodoResult };

export const fetchTodo = () => api<TodoResult>('/me/todo');
