// PostGraphile 5 on the bench database: the peer that bench/profile.py --peer measures
// Clientele against. Amber preset over the schema `public`, with only the tables the profile
// and list queries read (customer, appointment, communication) exposed, read-only; the two
// relations the profile follows are named as in Clientele (Customer.appointments,
// Appointment.communications) with smart tags. No row-level security and no authentication: PostGraphile
// as configured here serves every row to anyone who reaches the port (Clientele checks the
// account and a token on every request) — a benchmark peer on 127.0.0.1, not a deployment.
//
// Settings come from the environment (start.sh sets them): DATABASE_URL, PORT, HOST.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { jsonPgSmartTags } from "postgraphile/utils";

const EXPOSED = new Set(["customer", "appointment", "communication"]);

const hidden = (resource) => !EXPOSED.has(resource?.name);

/** Every other table, view and function of `public` is hidden, and so are the relations to
 * them and the forward relations (appointment → customer: the queries do not use them); the
 * three tables are read-only. */
const OnlyProfileTablesPlugin = {
  name: "ClienteleBenchOnlyProfileTablesPlugin",
  version: "0.0.0",
  schema: {
    entityBehavior: {
      pgResource: {
        override: {
          provides: ["clienteleBench"],
          after: ["override"],
          callback: (behavior, resource) =>
            hidden(resource)
              ? [behavior, "-*"]
              : [behavior, "-resource:insert", "-resource:update", "-resource:delete"],
        },
      },
      pgResourceUnique: {
        override: {
          provides: ["clienteleBench"],
          after: ["override"],
          callback: (behavior, [resource]) => (hidden(resource) ? [behavior, "-*"] : behavior),
        },
      },
      pgCodecRelation: {
        override: {
          provides: ["clienteleBench"],
          after: ["override"],
          callback: (behavior, relation) =>
            hidden(relation.remoteResource) || !relation.isReferencee
              ? [behavior, "-*"]
              : behavior,
        },
      },
    },
  },
};

/** appointmentsByCustomer → appointments, communicationsByAppointment → communications. */
const RelationNamesPlugin = jsonPgSmartTags({
  version: 1,
  config: {
    constraint: {
      appointment_customer_fkey: { tags: { foreignFieldName: "appointments" } },
      communication_appointment_fkey: { tags: { foreignFieldName: "communications" } },
    },
  },
});

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [OnlyProfileTablesPlugin, RelationNamesPlugin],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      // 10 connections, as one Clientele process has (core/db.start_pool) and pg's default
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
    }),
  ],
  grafserv: {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.PORT ?? 5678),
    graphqlPath: "/graphql",
    graphiql: false,
    watch: false,
    maxRequestLength: 100_000,
  },
  grafast: { explain: false },
};

export default preset;
