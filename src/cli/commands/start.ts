import { busPrefix } from "../../bus/index.js";
import { createHttpConnector } from "../../connectors/index.js";
import { redactSecrets } from "../../errors/index.js";
import { createLogger } from "../../runtime/index.js";
import { isLoopback, metricsOf, serve } from "../../server/index.js";
import { CliError } from "../cli-error.js";
import { connectPlatforms } from "../connect-platforms.js";
import { describeConnectors } from "../describe-connectors.js";
import { PLATFORM_CONNECTORS } from "../platform-connectors.js";
import type { Config } from "../read-config.js";
import { startConfiguredTroupe } from "../start-configured-troupe.js";

export interface StartOptions {
  paths: string[];
  port?: number;
  host?: string;
  dataDir?: string;
  /** `redis://…`: share the bus with troupes in other processes. */
  bus?: string;
}

/**
 * `troupe start`: every character in `characters/` (or the given files and
 * folders), their platform bots, the HTTP API, and a clean stop on
 * SIGINT/SIGTERM. Prints one line per agent and per platform bot (or per
 * platform that is off, and why).
 */
export async function startCommand(options: StartOptions, config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL ?? "info" });
  const host = options.host ?? config.TROUPE_HOST;
  // Refused before anything starts: a bot half-started on an open port is worse than none.
  if (!isLoopback(host) && !config.TROUPE_API_TOKEN) {
    throw new CliError(
      "API_TOKEN_REQUIRED",
      `Refusing to serve the HTTP API on ${host}: beyond 127.0.0.1 anyone on the network could use it. Set TROUPE_API_TOKEN (16+ characters; clients send Authorization: Bearer <token>), or keep --host 127.0.0.1.`,
    );
  }
  const troupe = await startConfiguredTroupe(options, config, logger);
  // Metrics before the platforms connect, so their first messages are counted too.
  await metricsOf(troupe);
  for (const agent of troupe.agents) {
    const capabilities = agent.character.capabilities.map((capability) => capability.name).join(", ");
    console.log(
      redactSecrets(
        `agent ${agent.name} ready (${agent.modelDescription})${capabilities ? `, can do: ${capabilities}` : ""}`,
      ),
    );
  }
  // A bot that cannot start (a rejected token) is one line on standard error; the others keep running.
  for (const line of await connectPlatforms(troupe, process.env, PLATFORM_CONNECTORS)) {
    (line.failed ? console.error : console.log)(redactSecrets(line.text));
  }
  const built = PLATFORM_CONNECTORS.map((factory) => factory.platform);
  for (const line of describeConnectors(process.env, built)) console.log(line);
  const busUrl = options.bus ?? process.env.REDIS_URL;
  const redis = busUrl === undefined ? undefined : redactSecrets(busUrl);
  console.log(
    redis ? `bus: Redis at ${redis}, keys under ${busPrefix(process.env, process.cwd())}:` : "bus: in-process",
  );
  // Workflows a previous run left half-way carry on; finished steps are not redone.
  troupe.node.resumeWorkflows().catch((error: unknown) => logger.error({ err: error }, "could not resume workflows"));
  const http = createHttpConnector();
  await troupe.connect(http);
  const server = await serve(troupe, {
    host,
    port: options.port ?? config.TROUPE_PORT,
    token: config.TROUPE_API_TOKEN,
    allowedHosts: config.TROUPE_ALLOWED_HOSTS,
    maxBodyBytes: config.TROUPE_MAX_BODY_BYTES,
    workflowsDir: config.TROUPE_WORKFLOWS_DIR,
    http,
  });
  console.log(`HTTP API on ${server.url} (routes: GET /openapi.json; web console: ${server.url}/)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second signal means "now": whatever was still finishing is dropped (SQLite stays consistent).
      logger.warn({ signal }, "stopping now, without waiting further");
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, "stopping (send the signal again to stop at once)");
    // The last resort if something still waits on a server that never answers.
    setTimeout(() => {
      logger.error(`still stopping after ${STOP_LIMIT_MS / 1000} s; exiting without waiting further`);
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    await server.close();
    await troupe.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Longest a clean stop may take before the process exits anyway. */
const STOP_LIMIT_MS = 15_000;
