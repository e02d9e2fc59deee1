// Public surface of the todo module (待办, the home page's work list): its route.
export { todoRoutes } from './routes.ts';
