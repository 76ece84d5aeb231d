import { createInterface, type Interface } from "node:readline";
import type { InboundMessage } from "../../messages/index.js";
import type { OutboundMessage } from "../../plugins/index.js";
import { cleanMessageText } from "../clean-identity.js";
import { CONNECTOR_API_VERSION, type ConnectedAgent, type Connector, type ConnectorHost } from "../connector.js";

/** What ends a chat, typed on a line of its own. */
const QUIT = new Set(["/quit", "/exit", "exit", "quit"]);
const HELP = "Type a message and press Enter; /help shows this, /quit (or exit) leaves.";

/** Options of `createTerminalConnector`. */
export interface TerminalConnectorOptions {
  /** The agent to talk to, by character name (ignoring case). */
  agent: string;
  /** Who is typing; the room is `terminal:<user in lower case>`, the same in every session. */
  user: string;
  /** Default `process.stdin`. */
  input?: NodeJS.ReadableStream;
  /** Default `process.stdout`. */
  output?: NodeJS.WritableStream;
  /** Greet and prompt (a person at a terminal), or write exactly one line per reply. Default: both streams are terminals. */
  interactive?: boolean;
}

/**
 * The terminal connector behind `troupe chat`: one user talking to one
 * agent. Each line read is a message; each reply, and each message the agent
 * starts on its own for this user's room (a reminder), is written as one
 * line `<Agent>: <text>`. Messages for another user's room are refused, so
 * they wait for that user's own session. `/help` and `/quit` (or `exit`)
 * are commands, never messages to the character; at a terminal a first line
 * says who you are talking to and how to leave.
 */
export class TerminalConnector implements Connector {
  readonly apiVersion = CONNECTOR_API_VERSION;
  readonly platform = "terminal";
  /** Resolves when the input has ended and the last reply is written (or `stop` was called). */
  readonly finished: Promise<void>;
  private readonly room: InboundMessage["room"];
  private readonly input: NodeJS.ReadableStream;
  private readonly output: NodeJS.WritableStream;
  private readonly interactive: boolean;
  private lines: Interface | undefined;
  private reading: Promise<void> | undefined;
  private stopped = false;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(private readonly options: TerminalConnectorOptions) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.interactive =
      options.interactive ??
      Boolean((this.input as { isTTY?: boolean }).isTTY && (this.output as { isTTY?: boolean }).isTTY);
    this.room = { id: `terminal:${options.user.toLowerCase()}`, kind: "direct" };
    this.finished = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  async start(host: ConnectorHost): Promise<void> {
    const wanted = this.options.agent.toLowerCase();
    const agent = host.agents.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (!agent) throw new Error(`The terminal connector has no agent named ${this.options.agent}.`);
    const lines = createInterface({
      input: this.input,
      output: this.interactive ? this.output : undefined,
      terminal: this.interactive,
    });
    this.lines = lines;
    if (this.interactive) {
      this.output.write(`Talking to ${agent.name} as ${this.options.user}. ${HELP}\n`);
      if (agent.character.greeting) this.write(agent.name, agent.character.greeting);
      lines.setPrompt(`${this.options.user}: `);
      lines.prompt();
    }
    this.reading = this.read(agent, lines);
    this.reading.then(
      () => this.settle?.resolve(),
      (error: unknown) => this.settle?.reject(error),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.lines?.close();
    await this.reading?.catch(() => undefined);
  }

  /** Writes the message when it is for this user's room; false for any other room (it waits for its owner). */
  async deliver(message: OutboundMessage): Promise<boolean> {
    if (message.platform !== this.platform || message.room.id !== this.room.id) return false;
    if (!this.lines || this.stopped) return false;
    this.write(message.agent, message.text);
    if (this.interactive) this.lines.prompt(true);
    return true;
  }

  /** It carries one agent's messages. */
  serves(agent: string): boolean {
    return agent.toLowerCase() === this.options.agent.toLowerCase();
  }

  connectedAs(): string | undefined {
    return this.lines && !this.stopped ? `${this.options.user} at the terminal` : undefined;
  }

  private async read(agent: ConnectedAgent, lines: Interface): Promise<void> {
    for await (const line of lines) {
      const command = line.trim().toLowerCase();
      if (QUIT.has(command)) break;
      if (command === "/help") {
        this.output.write(`${HELP}\n`);
        if (this.interactive && !this.stopped) lines.prompt();
        continue;
      }
      const reply = await agent.handle({
        platform: this.platform,
        room: this.room,
        user: { id: this.room.id, name: this.options.user },
        text: cleanMessageText(line),
      });
      this.write(agent.name, reply?.text ?? "");
      if (this.interactive && !this.stopped) lines.prompt();
    }
  }

  /** One line per message: a reply's own line breaks would split it. */
  private write(speaker: string, text: string): void {
    this.output.write(`${speaker}: ${text.replace(/\s*\n\s*/g, " ")}\n`);
  }
}

/** A terminal connector for one user and one agent; `troupe.connect` it, then await `finished`. */
export function createTerminalConnector(options: TerminalConnectorOptions): TerminalConnector {
  return new TerminalConnector(options);
}
