// Public surface of the oversight module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { complaintRoutes } from './routes.ts';
export { citizenComplaint, citizenComplaintListSchema, citizenComplaintResultSchema, citizenComplaints, citizenComplaintSchema, type CitizenComplaintInput } from './citizen.ts';
export { complaintTodo } from './todo.ts';
