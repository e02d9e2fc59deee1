// Public surface of the outreach module (政策找人): what the server may use.
import './error-codes.ts';
import './tables.ts';
export { outreachRoutes } from './routes.ts';
export { citizenSuggestions, type CitizenSuggestion } from './service/suggestions.ts';
export { outreachTodo } from './service/todo.ts';
