-- The coaches' loads, counted on every referral and every opening of the intake decision: the open
-- cases of coaches are found by coach and phase, without reading the cases that have no coach.
drop index case_file_coach;
create index case_file_coach_phase on case_file (coach, phase);
