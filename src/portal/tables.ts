// Tables of the citizen portal (migrations 0129_portal_auth.sql, 0130_portal_applications.sql, 0131_portal_oidc.sql, 0134_intake_request_documents.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';

export interface PortalCodeTable {
  id: Generated<number>;
  id_number: string;
  phone: string;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  attempts: Generated<number>;
  consumed_at: Date | null;
}

export interface PortalCodeRequestTable {
  id: Generated<number>;
  id_number: string;
  ip: string;
  requested_at: Date;
}

export interface PortalSessionTable {
  token_hash: string;
  id_number: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface PortalOidcLoginTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

declare module '../db/schema.ts' {
  interface DB {
    portal_codes: PortalCodeTable;
    portal_code_requests: PortalCodeRequestTable;
    portal_sessions: PortalSessionTable;
    portal_oidc_logins: PortalOidcLoginTable;
  }
}

export interface PortalApplicationTable {
  id: Generated<number>;
  id_number: string;
  county_code: string;
  request_no: string;
  case_no: string | null;
  programme: string;
  household_no: string | null;
  received_on: ColumnType<string, string, string>;
  signature_sha256: string;
  /** Documents uploaded with the application (the files themselves are the intake request's, migration 0134). */
  document_count: Generated<number>;
  created_at: Date;
}

declare module '../db/schema.ts' {
  interface DB {
    portal_applications: PortalApplicationTable;
  }
}
