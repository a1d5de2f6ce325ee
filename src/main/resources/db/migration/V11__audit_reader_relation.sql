-- The log review judges each read by the reader's relation to the case at the time of the read
-- (own case, same team, the project's manager), not by today's team membership: a coach who
-- changes team keeps her earlier reads inside, and a read from outside stays outside.
-- Entries written before this column have no relation; the review judges those as before.
alter table audit_entry add column reader_relation varchar(32);
