-- Reminder e-mails about deadlines, each sent once: to the assignee before the deadline and to
-- the project's managers when it is missed. The timestamps make the sending idempotent.
alter table deadline add column reminder_sent_at timestamp with time zone;
alter table deadline add column manager_notified_at timestamp with time zone;
