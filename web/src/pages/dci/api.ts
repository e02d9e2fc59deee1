// The connected systems' part of the /api/v1 contract (src/modules/dci/contract.ts), as the page uses it.
import type { ClientList, ClientView, NewClient, RegisteredClient, SubscriptionList, TransactionList } from '../../../../src/modules/dci/contract.ts';
import { api } from '../../api/client.ts';

const base = '/dci/clients';
const one = (clientId: string) => `${base}/${encodeURIComponent(clientId)}`;

export const listClients = () => api<ClientList>(base);
export const registerClient = (body: NewClient) => api<RegisteredClient>(base, { method: 'POST', body });
export const revokeClient = (clientId: string) => api<{ client: ClientView }>(`${one(clientId)}/revoke`, { method: 'POST' });
export const clientTransactions = (clientId: string) => api<TransactionList>(`${one(clientId)}/transactions`);
export const clientSubscriptions = (clientId: string) => api<SubscriptionList>(`${one(clientId)}/subscriptions`);
