/** The read-model schema, as versioned migrations applied in order, each once, each in its own transaction. */

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Never edit one that shipped: add another. */
export const readModelMigrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'read models with their checkpoint and parked events',
    sql: `CREATE TABLE caseledger_read_models (
            name text PRIMARY KEY,
            version integer NOT NULL,
            read_model jsonb NOT NULL,
            checkpoint_commit numeric(20, 0),
            checkpoint_prepare numeric(20, 0),
            parked jsonb NOT NULL DEFAULT '[]'::jsonb,
            updated_at timestamptz NOT NULL DEFAULT now()
          )`,
  },
  {
    version: 2,
    description: 'read models as rows: a table per read model with typed columns, parked events in a table',
    // The documents of version 1 are dropped with their heads: every projection rebuilds from the first event.
    sql: `DELETE FROM caseledger_read_models;
          ALTER TABLE caseledger_read_models DROP COLUMN read_model, DROP COLUMN parked;
          CREATE TABLE caseledger_parked_events (
            projection text NOT NULL,
            seq bigserial,
            stream_name text NOT NULL,
            revision numeric(20, 0) NOT NULL,
            event_type text NOT NULL,
            error text NOT NULL,
            parked_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (projection, seq)
          );
          CREATE TABLE caseledger_read_model_rows (
            projection text NOT NULL,
            key text COLLATE "C" NOT NULL,
            detail jsonb NOT NULL,
            PRIMARY KEY (projection, key)
          );
          CREATE TABLE caseledger_cases (
            projection text NOT NULL,
            key text COLLATE "C" NOT NULL,
            case_type text NOT NULL,
            case_id text COLLATE "C" NOT NULL,
            status text NOT NULL,
            is_open boolean NOT NULL,
            department text,
            customer_id text,
            opened_at timestamptz NOT NULL,
            policy_version text,
            next_due_by timestamptz,
            missed_rules text[] NOT NULL,
            on_board boolean NOT NULL,
            on_capa_tracker boolean NOT NULL,
            on_contract_queue boolean NOT NULL,
            on_inquiry_list boolean NOT NULL,
            detail json NOT NULL,
            PRIMARY KEY (projection, key)
          );
          -- lz4 compresses a case's events several times faster than the default; servers built without it keep pglz.
          DO $lz4$ BEGIN
            ALTER TABLE caseledger_cases ALTER COLUMN detail SET COMPRESSION lz4;
          EXCEPTION WHEN OTHERS THEN NULL;
          END $lz4$;
          CREATE INDEX caseledger_cases_board ON caseledger_cases (projection, opened_at, key) WHERE on_board;
          CREATE INDEX caseledger_cases_capa ON caseledger_cases (projection, opened_at, key) WHERE on_capa_tracker;
          CREATE INDEX caseledger_cases_contract_queue ON caseledger_cases (projection, opened_at, key) WHERE on_contract_queue;
          CREATE INDEX caseledger_cases_inquiries ON caseledger_cases (projection, next_due_by, opened_at, key) WHERE on_inquiry_list;
          CREATE INDEX caseledger_cases_type_status ON caseledger_cases (projection, case_type, status);
          CREATE INDEX caseledger_cases_department ON caseledger_cases (projection, department) WHERE department IS NOT NULL;
          CREATE INDEX caseledger_cases_customer ON caseledger_cases (projection, customer_id) WHERE customer_id IS NOT NULL;
          CREATE INDEX caseledger_cases_opened ON caseledger_cases (projection, case_type, opened_at);
          CREATE INDEX caseledger_cases_missed_rules ON caseledger_cases USING gin (missed_rules);
          CREATE TABLE caseledger_case_deadlines (
            projection text NOT NULL,
            key text COLLATE "C" NOT NULL,
            deadline text COLLATE "C" NOT NULL,
            rule_id text NOT NULL,
            due_by timestamptz NOT NULL,
            timing text NOT NULL CHECK (timing IN ('clock', 'missed', 'pending')),
            detail jsonb NOT NULL,
            PRIMARY KEY (projection, key, deadline)
          );
          CREATE INDEX caseledger_case_deadlines_due ON caseledger_case_deadlines (projection, due_by, key, deadline);
          CREATE TABLE caseledger_complaint_statistics (
            projection text NOT NULL,
            key text COLLATE "C" NOT NULL,
            month text NOT NULL,
            responsibility text,
            cause text,
            department text,
            detail jsonb NOT NULL,
            PRIMARY KEY (projection, key)
          );
          CREATE INDEX caseledger_complaint_statistics_month ON caseledger_complaint_statistics (projection, month);
          CREATE TABLE caseledger_warranty_claims (
            projection text NOT NULL,
            key text COLLATE "C" NOT NULL,
            category text COLLATE "C",
            kind text,
            outcome text,
            special_case boolean,
            special_cases integer NOT NULL,
            detail jsonb NOT NULL,
            PRIMARY KEY (projection, key)
          );
          CREATE INDEX caseledger_warranty_claims_category ON caseledger_warranty_claims (projection, category);
          CREATE INDEX caseledger_warranty_claims_special ON caseledger_warranty_claims (projection) WHERE special_cases > 0;
          CREATE TABLE caseledger_survey_forms (
            projection text NOT NULL,
            key text COLLATE "C" NOT NULL,
            period text COLLATE "C" NOT NULL,
            returned boolean NOT NULL,
            satisfied boolean NOT NULL,
            detail jsonb NOT NULL,
            PRIMARY KEY (projection, key)
          );
          CREATE INDEX caseledger_survey_forms_period ON caseledger_survey_forms (projection, period)`,
  },
];

/** Every table the read models write (rows, child rows, parked events, heads): what to vacuum after a customer is forgotten. */
export const READ_MODEL_TABLES: ReadonlyArray<string> = [
  'caseledger_read_models',
  'caseledger_parked_events',
  'caseledger_read_model_rows',
  'caseledger_cases',
  'caseledger_case_deadlines',
  'caseledger_complaint_statistics',
  'caseledger_warranty_claims',
  'caseledger_survey_forms',
];
