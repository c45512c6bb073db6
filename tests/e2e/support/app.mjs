// Starts the real app for the browser tests: `python -m clientele serve` on a free port with a
// private database (a fresh database on $DATABASE_URL's server, or an embedded PostgreSQL in a
// temp dir), waits for /healthz, and cleans everything up again.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, OUTPUT_DIR } from "./paths.mjs";

const run = promisify(execFile);
const PYTHON = path.join(ROOT, ".venv", "bin", "python");
const DIST = path.join(ROOT, "frontend", "dist");
const HEALTH_TIMEOUT_MS = 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function privateDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const { default: pg } = await import("pg");
    const name = `clientele_e2e_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      describe: `database ${name} on ${url.host}`,
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        try {
          await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
          await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clientele-e2e-"));
  return {
    env: { CLIENTELE_DATA_DIR: dataDir },
    unset: ["DATABASE_URL"],
    describe: `embedded PostgreSQL in ${dataDir}`,
    async drop() {
      await stopEmbeddedPostgres(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app stops its embedded postgres when its last user exits (backend/clientele/core/embedded.py);
 * a server that died without its exit path (SIGKILL, a crash) leaves it running, so end the one of
 * our temp dir if it is still up (polls until it is gone, at most 10 s).
 */
async function stopEmbeddedPostgres(dataDir) {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * `logName`: the server log's file in test-output/e2e/ (one per test file: they may run in
 * parallel); `env`: settings merged into the server's environment (e.g. a short
 * DUPLICATES_REFRESH_SECONDS).
 */
export async function startApp({ logName = "server.log", env: extraEnv = {} } = {}) {
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    throw new Error(`${DIST}/index.html is missing: run \`npm run build --workspace frontend\` first.`);
  }
  if (!fs.existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: run \`make install\` first.`);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });

  const database = await privateDatabase();
  const port = await freePort();
  const env = {
    ...process.env,
    ...database.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    CLIENTELE_FRONTEND_DIST: DIST,
    WEB_CONCURRENCY: "1",
    BROADCAST_URL: "memory://",
    APP_ENV: "development",
    ...extraEnv,
  };
  for (const name of database.unset ?? []) delete env[name];

  const logPath = path.join(OUTPUT_DIR, logName);
  const log = fs.openSync(logPath, "w");
  const server = spawn(PYTHON, ["-m", "clientele", "serve"], { cwd: ROOT, env, stdio: ["ignore", log, log] });
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      if (!(await waitForExit(server, 10_000))) {
        server.kill("SIGKILL");
        await waitForExit(server, 5_000);
      }
    }
    fs.closeSync(log);
    await database.drop();
  };

  try {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    for (;;) {
      if (server.exitCode !== null) {
        throw new Error(`the server exited with ${server.exitCode}; see test-output/e2e/${logName}`);
      }
      try {
        const response = await fetch(`${baseUrl}/healthz`);
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no 200 from ${baseUrl}/healthz within 60 s`);
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  // The server prints its development logins at first start.
  const printed = fs.readFileSync(logPath, "utf8");
  const match = /development login \(admin\): (\S+) \/ (\S+)/.exec(printed);
  if (!match) {
    await stop();
    throw new Error(`the server printed no development login; see test-output/e2e/${logName}`);
  }
  const login = { email: match[1], password: match[2] };
  let apiSession = null;

  async function post(body, headers = {}) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { response, body: await response.json() };
  }

  return {
    baseUrl,
    database: database.describe,
    login,
    stop,
    /** Adds one customer with `appointments` appointments; returns its global ID. */
    async seedProfile(appointments) {
      const { stdout } = await run(PYTHON, ["-m", "clientele", "seed-profile", "--appointments", String(appointments)], {
        cwd: ROOT,
        env,
        timeout: 60_000,
      });
      const lines = stdout.trim().split("\n");
      const id = lines[lines.length - 1].trim();
      // The CLI wrote from another process; with the in-memory broadcast the server's search
      // index never hears of it. An empty update (no change, no history entry) publishes the
      // customer event in the server itself, as every change made through the API does.
      await this.graphql("mutation ($id: ID!) { customerUpdate(id: $id, input: {}) { userErrors { message } } }", { id });
      return id;
    },
    /** A GraphQL request straight to the API, signed in as the admin (another "tab"). */
    async graphql(query, variables = {}) {
      if (!apiSession) {
        const { response, body } = await post({
          query: "mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { me { csrfToken } } }",
          variables: { e: login.email, p: login.password },
        });
        const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
        const csrf = body.data?.login?.me?.csrfToken;
        if (!cookie || !csrf) throw new Error(`API sign-in failed: ${JSON.stringify(body)}`);
        apiSession = { cookie, "x-csrf-token": csrf };
      }
      const { body } = await post({ query, variables }, apiSession);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
  };
}
