-- Issue 10: reliability. Idempotency keys of POST /api/referrals with the answer first given, so a
-- retry (same key, same body) gets that answer again and a reused key with another body is refused.
-- Kept for stegvis.idempotency.retention (default 7 days) and then removed.
create table idempotent_request (
  idempotency_key varchar(100) primary key,
  request_hash    varchar(64)  not null,
  response_status integer      not null,
  response_body   text         not null,
  created_at      timestamp    not null
);
create index idempotent_request_created_at on idempotent_request (created_at);

-- The coach's notes on a case: a case record two coaches may edit at once (optimistic locking on
-- case_file.version).
alter table case_file add column coach_note varchar(4000);

-- Idempotency keys live in idempotent_request now (with the answer and an expiry); the old
-- column's unique constraint would refuse a key again after it expired.
alter table referral drop column idempotency_key;
