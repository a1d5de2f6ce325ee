-- Who signed in, as the identity provider knows them: with single sign-on the user id Stegvis
-- uses (a claim such as preferred_username) may differ from the token's subject, and the issuer
-- says which provider vouched for it. A login with a Stegvis password records the provider
-- 'lokal' and no subject (the user id is the subject); work with no one logged in (timers,
-- start-up) records neither. Entries written before this column have neither.
alter table audit_entry add column auth_subject varchar(255);
alter table audit_entry add column auth_provider varchar(255);
alter table search_entry add column auth_subject varchar(255);
alter table search_entry add column auth_provider varchar(255);
