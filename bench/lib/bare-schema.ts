import { Client, Pool } from 'pg';

/**
 * The raw-SQL baselines' own database: the tables a registration system of this kind needs, as
 * such an implementation would write them (keys, the foreign keys, a unique code, the outbox's
 * dedupe key, an index to find an event's registrations) and nothing of Kinship's (no triggers, no
 * counts table, no partial unique indexes per contact, no check constraints beyond the seats'), so
 * the baselines do not pay for Kinship's schema.
 */
const SCHEMA = `
  CREATE TABLE events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    capacity integer NOT NULL,
    seats_taken integer NOT NULL DEFAULT 0 CHECK (seats_taken <= capacity)
  );
  CREATE TABLE registrations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id uuid NOT NULL REFERENCES events (id),
    code varchar(16) NOT NULL UNIQUE,
    status varchar(16) NOT NULL,
    party_size integer NOT NULL,
    contact_name text NOT NULL,
    contact_email text NOT NULL,
    consents jsonb NOT NULL,
    locale varchar(8) NOT NULL,
    confirmed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX registrations_event_idx ON registrations (event_id);
  CREATE TABLE registration_attendees (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    registration_id uuid NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    event_id uuid NOT NULL,
    position integer NOT NULL,
    name text NOT NULL,
    category varchar(8) NOT NULL,
    birth_date date
  );
  CREATE INDEX registration_attendees_registration_idx ON registration_attendees (registration_id);
  CREATE TABLE notifications (
    id bigserial PRIMARY KEY,
    kind varchar(64) NOT NULL,
    recipient_email text NOT NULL,
    recipient_name text NOT NULL,
    locale varchar(8) NOT NULL,
    payload jsonb NOT NULL,
    dedupe_key text NOT NULL UNIQUE,
    status varchar(16) NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now()
  );
`;

/** Drops and recreates the database `name` with the bare schema. */
export async function recreateBareDatabase(pgBase: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: `${pgBase}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const c = new Client({ connectionString: `${pgBase}/${name}` });
  await c.connect();
  await c.query(SCHEMA);
  await c.end();
}

export async function createBareEvent(db: Pool, capacity: number, title: string): Promise<string> {
  const { rows } = await db.query(`INSERT INTO events (title, capacity) VALUES ($1, $2) RETURNING id`, [title, capacity]);
  return rows[0].id as string;
}
