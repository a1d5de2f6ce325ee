-- Issue 20: the journal shows who signed with her title (befattning), e.g. "Anna Lind, Arbetskonsulent".
-- Users live in the engine's identity tables (ACT_ID_USER), which have no title; Stegvis keeps it here,
-- one row per user who has one, set by an administrator (PUT /api/admin/users/{userId}/title).
-- A journal entry keeps the title it was signed with (journal_entry.author_title).
create table staff_title (
  user_id     varchar(64)  primary key,
  title       varchar(100) not null,
  changed_at  timestamp with time zone not null,
  changed_by  varchar(64)  not null
);
