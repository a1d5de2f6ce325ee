-- The overdue view (Cockpit's "Försenade steg") pages through the steps still undone in order of
-- their due time. unfinished_due_at is due_at while the step is OPEN or MISSED and null once it is
-- met or cancelled (kept so by the Deadline entity), so that one index holds exactly the undone
-- steps in the view's order (due time, case, deadline): a page is an index range read in that
-- order, stopping after the page, and the planner's statistics for it count only undone steps (on
-- (state, due_at) it took "open and past due" for most of the table, and joined every case).
alter table deadline add column unfinished_due_at timestamp with time zone;
update deadline set unfinished_due_at = due_at where state in ('OPEN', 'MISSED');
create index deadline_unfinished_due on deadline (unfinished_due_at, case_id, id);
