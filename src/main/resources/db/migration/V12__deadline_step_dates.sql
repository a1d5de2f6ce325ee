-- A deadline is judged by the day its step happened, not by when it was registered (issue 17).
-- step_on: the day the step happened, as entered in its form; completed_at stays the registration
-- time. ended_on: the day the case ended with the step undone (the exit's date), which dates a
-- MISSED or CANCELLED deadline. escalated_at replaces missed_at: an escalation no longer decides
-- the deadline, it marks an open step overdue. The states are recomputed from the stored dates by
-- the Java migration 12.1 (se.stegvis.deadline.DeadlineStatesMigration).
alter table deadline add column step_on date;
alter table deadline add column ended_on date;
alter table deadline add column escalated_at timestamp with time zone;
update deadline set escalated_at = missed_at;
alter table deadline drop column missed_at;
