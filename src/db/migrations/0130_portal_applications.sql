-- Online applications from the citizen portal (issue 21, must-have 1): each lands as an intake request
-- (channel `online`) with its case; the portal keeps who applied, the documents uploaded and the 核对
-- authorisation signed on screen (the PNG and its SHA-256, which the audit and the request also carry).
create table portal_applications (
  id                bigserial primary key,
  id_number         text not null,
  county_code       text not null,
  request_no        text not null,
  case_no           text,
  programme         text not null,
  household_no      text,
  received_on       date not null,
  signature_sha256  text not null check (signature_sha256 ~ '^[0-9a-f]{64}$'),
  signature_png     bytea not null,
  created_at        timestamptz not null
);
create index portal_applications_id_number_idx on portal_applications (id_number, id);
create unique index portal_applications_request_idx on portal_applications (county_code, request_no);

create table portal_application_documents (
  application_id  bigint not null references portal_applications (id),
  seq             integer not null check (seq >= 1),
  file_name       text not null,
  media_type      text not null check (media_type in ('image/png', 'image/jpeg', 'application/pdf')),
  size_bytes      integer not null check (size_bytes > 0),
  sha256          text not null,
  content         bytea not null,
  primary key (application_id, seq)
);
