// The SPDCI module's staff API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { clientList, clientView, newClientSchema, registeredClient, subscriptionList, subscriptionView, transactionList, transactionView } from './contract/admin.ts';

export { ATTRIBUTES, MASKED, type Attribute } from './attributes.ts';
export type ClientView = z.output<typeof clientView>;
export type ClientList = z.output<typeof clientList>;
export type RegisteredClient = z.output<typeof registeredClient>;
export type TransactionView = z.output<typeof transactionView>;
export type TransactionList = z.output<typeof transactionList>;
export type SubscriptionView = z.output<typeof subscriptionView>;
export type SubscriptionList = z.output<typeof subscriptionList>;
export type NewClient = z.input<typeof newClientSchema>;
