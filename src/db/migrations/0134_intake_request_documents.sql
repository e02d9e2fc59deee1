-- The documents of an intake request (issue 21): what a citizen uploaded with an online application and
-- the 核对 authorisation they signed on screen (kind 'signature'), and what the window scans later. The
-- intake owns them, so that staff can open them; the portal's own copies move here (joined by
-- county_code + request_no) and its document table and signature image go. The portal keeps the
-- signature's hash and the number of documents uploaded with the application.
create table intake_request_documents (
  county_code  text not null,
  request_id   bigint not null,
  seq          integer not null check (seq >= 1),
  kind         text not null check (kind in ('document', 'signature')),
  file_name    text not null,
  media_type   text not null check (media_type in ('image/png', 'image/jpeg', 'application/pdf')),
  size_bytes   integer not null check (size_bytes > 0),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content      bytea not null,
  added_by     text not null,
  added_at     timestamptz not null,
  primary key (county_code, request_id, seq),
  foreign key (county_code, request_id) references intake_requests (county_code, id)
);

alter table portal_applications add column document_count integer not null default 0 check (document_count >= 0);

update portal_applications a set document_count = (select count(*) from portal_application_documents d where d.application_id = a.id);

insert into intake_request_documents (county_code, request_id, seq, kind, file_name, media_type, size_bytes, sha256, content, added_by, added_at)
select a.county_code, r.id, d.seq, 'document', d.file_name, d.media_type, d.size_bytes, d.sha256, d.content, r.created_by, a.created_at
  from portal_application_documents d
  join portal_applications a on a.id = d.application_id
  join intake_requests r on r.county_code = a.county_code and r.request_no = a.request_no;

insert into intake_request_documents (county_code, request_id, seq, kind, file_name, media_type, size_bytes, sha256, content, added_by, added_at)
select a.county_code, r.id,
       coalesce((select max(d.seq) from portal_application_documents d where d.application_id = a.id), 0) + 1,
       'signature', 'signature.png', 'image/png', length(a.signature_png), a.signature_sha256, a.signature_png, r.created_by, a.created_at
  from portal_applications a
  join intake_requests r on r.county_code = a.county_code and r.request_no = a.request_no;

drop table portal_application_documents;
alter table portal_applications drop column signature_png;
