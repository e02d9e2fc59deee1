// Public surface of the users module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { DEMO_ACCOUNTS, ensureDemoAccounts } from './demo.ts';
export { hashParameters, hashPassword, verifyPassword } from './password.ts';
export { countUsers, displayNames, findById, findByUsername, revokeSessions, setPassword } from './repo.ts';
export { userRoutes, userSchema } from './routes.ts';
export { cachedSessionUser, forgetSession, forgetUserSessions } from './session-cache.ts';
export { createUser, newUserSchema, requireStrongPassword, toUser } from './service.ts';
export type { User } from './service.ts';
export type { UserWithArea } from './repo.ts';
