-- Stands in for a migration that only a newer release of the application knows.
create table from_a_newer_release (id integer primary key);
