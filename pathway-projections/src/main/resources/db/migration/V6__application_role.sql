-- The application connects as a role of its own, not as the owner of the tables (docs/security.md, "Database
-- roles"): an owner may TRUNCATE the access log, disable its append-only trigger or drop the event store, whatever
-- the grants say. Migrations run as the owner (spring.flyway.user); the grants of the application's role are kept
-- in afterMigrate__application_role_grants.sql, re-applied after every migration.

-- The role, when the operator has not made it already (with a password, in production: docs/operations.md). Roles
-- belong to the whole cluster, so test runs migrating their own databases side by side may race to create it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${application-role}') THEN
        CREATE ROLE "${application-role}" LOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

-- What every role may do by default, taken from PUBLIC so that the application's role has exactly its grants:
-- creating tables in the schema (PostgreSQL before 15 allows it) and temporary tables in the database (every
-- version). Owners keep both. Without ownership of the schema or database these are warnings, not errors.
DO $$
BEGIN
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema());
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;
