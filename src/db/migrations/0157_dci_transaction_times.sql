-- A connected system's transactions newest first (its administrators' page: recentTransactions) and its last
-- search and searches of the last 30 days (clientsInScope) read by client, action and time, not by scanning
-- every transaction of every client.
create index dci_transactions_client_time_idx on dci_transactions (client_id, created_at desc, correlation_id);
create index dci_transactions_client_action_time_idx on dci_transactions (client_id, action, created_at);
