-- SessionWatch team mode: run once as a PostgreSQL superuser (psql -U postgres -f create-roles.sql), after
-- replacing the passwords. It creates the two group roles, one login for the collector(s) and one for each console
-- user (or use your directory's logins: GRANT sessionwatch_reader TO "alice";), and the database, owned by the
-- collector's login so that the collector can create and update the schema itself on its first start.

CREATE ROLE sessionwatch_collector NOLOGIN;
CREATE ROLE sessionwatch_reader NOLOGIN;

CREATE ROLE fsmon LOGIN PASSWORD 'change-me-collector' IN ROLE sessionwatch_collector;
CREATE ROLE helpdesk1 LOGIN PASSWORD 'change-me-console' IN ROLE sessionwatch_reader;

CREATE DATABASE sessionwatch OWNER fsmon;
-- PostgreSQL 15+: only the owner may create in the public schema, which is what we want.
