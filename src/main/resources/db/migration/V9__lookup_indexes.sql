-- Issue 9: lookups that ran as full scans once the tables hold 100,000 cases. Every task that is
-- completed or deleted finds its deadline by task id (DeadlineTracker); the Tasklist case panel
-- finds the case by its process instance.
create index deadline_task on deadline (task_id);
create index case_file_process_instance on case_file (process_instance_id);
