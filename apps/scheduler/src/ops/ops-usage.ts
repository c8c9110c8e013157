export const OPS_USAGE = `Usage: updraft-ops <command>

Operations tasks for an Updraft installation (run inside the scheduler image,
e.g. as a Kubernetes Job: node dist/updraft-ops.mjs <command>).

Commands:
  migrate              Apply pending database migrations and the job-queue schema,
                       then create the first platform admin when UPDRAFT_ADMIN_EMAIL
                       and UPDRAFT_ADMIN_PASSWORD are set. Idempotent.
  wait-for-migrations  Wait until every migration shipped with this image is
                       applied (an init container uses it so pods start only
                       after the migration Job). Gives up after
                       UPDRAFT_WAIT_TIMEOUT_SECONDS (default 600).
  rotate-secret-key    Re-encrypt every stored secret under UPDRAFT_SECRET_KEY,
                       reading old values with UPDRAFT_PREVIOUS_SECRET_KEYS.
  scheduler-id <name>  Print the stable scheduler id (a UUID) for a replica name,
                       e.g. a StatefulSet pod name.

Environment:
  DATABASE_URL                  the Updraft Postgres (all but scheduler-id)
  UPDRAFT_MIGRATIONS_DIR        where the migrations are (the images set it)
  UPDRAFT_ADMIN_EMAIL           migrate: the platform admin to create (optional)
  UPDRAFT_ADMIN_PASSWORD        migrate: their password, at least 8 characters
  UPDRAFT_SEED_DEMO=true        migrate: also create the demo tenant "acme" owned by the admin
  UPDRAFT_SECRET_KEY            rotate-secret-key: the new key (\`openssl rand -base64 32\`)
  UPDRAFT_PREVIOUS_SECRET_KEYS  rotate-secret-key: the old key(s), comma-separated

Exit codes: 0 done, 1 failed, 2 bad usage or settings.
`;
