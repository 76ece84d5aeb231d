import type { Character } from "../character/index.js";
import type { ForgottenUser, InboundMessage, PostRequest } from "../connectors/index.js";
import type { OutboundListener } from "../plugins/index.js";
import type { Agent, AgentReply, HandleOptions } from "./agent.js";
import { AgentPausedError } from "./agent-paused-error.js";

/** Whether an agent takes new turns. */
export type AgentState = "running" | "paused";

/**
 * One agent's place in the troupe, as connectors and the bus hold it: it
 * forwards to the agent running now, so a reloaded agent (`swap`) is seen by
 * every connector without restarting them, and it carries the operator's
 * pause. While paused, messages are recorded and not answered, tasks from
 * other agents are refused (the delegator asks another agent), and proactive
 * messages wait (their plugin keeps them) until `resume` offers them again.
 */
export class AgentSlot {
  private current: Agent;
  private state: AgentState = "running";
  /** Set while a reload swaps agents: new messages wait for the new agent. */
  private swapping: Promise<void> | undefined;
  private readonly listeners = new Map<OutboundListener, () => void>();

  constructor(agent: Agent) {
    this.current = agent;
  }

  /** The agent running now. */
  get agent(): Agent {
    return this.current;
  }

  get name(): string {
    return this.current.name;
  }

  get character(): Character {
    return this.current.character;
  }

  get paused(): boolean {
    return this.state === "paused";
  }

  /** `running` or `paused`. */
  get status(): AgentState {
    return this.state;
  }

  /** Takes no new turns from now on; turns already running finish. */
  pause(): void {
    this.state = "paused";
  }

  /** Answers again, and offers the proactive messages held while paused. */
  async resume(): Promise<void> {
    this.state = "running";
    await this.current.redeliver();
  }

  async handle(message: InboundMessage, options?: HandleOptions): Promise<AgentReply | undefined> {
    await this.swapping;
    if (!this.paused) return this.current.handle(message, options);
    // A task from another agent fails at once, so the delegator tries an agent that answers.
    if (message.delegation) throw new AgentPausedError({ agent: this.name });
    await this.current.record(message);
    return undefined;
  }

  async redeliver(): Promise<void> {
    await this.swapping;
    if (!this.paused) await this.current.redeliver();
  }

  /** `Agent.answerOwed` on the agent running now; a paused agent answers nothing (what is owed stays owed). */
  async answerOwed(...args: Parameters<Agent["answerOwed"]>): Promise<number> {
    await this.swapping;
    return this.paused ? 0 : this.current.answerOwed(...args);
  }

  async forgetUser(userId: string): Promise<ForgottenUser> {
    await this.swapping;
    return this.current.forgetUser(userId);
  }

  async writePost(request: PostRequest): Promise<string> {
    await this.swapping;
    if (this.paused) throw new AgentPausedError({ agent: this.name });
    return this.current.writePost(request);
  }

  /** Subscribes to the proactive messages of whichever agent runs in the slot; none is delivered while paused. */
  onOutbound(listener: OutboundListener): () => void {
    this.listeners.set(listener, this.subscribe(this.current, listener));
    return () => {
      this.listeners.get(listener)?.();
      this.listeners.delete(listener);
    };
  }

  /**
   * Puts `next` in place of the running agent: messages that arrive
   * meanwhile wait; `retire` finishes the old agent's queue (and saves its
   * memory) before `next` starts, so the new agent opens what the old one
   * wrote. Resolves once `next` answers. When `start` fails, the old agent's
   * replacement from `fallback` takes the place, and the error is thrown.
   */
  async swap(options: {
    retire: (old: Agent) => Promise<void>;
    next: Agent;
    fallback: () => Promise<Agent>;
  }): Promise<void> {
    let done = () => {};
    this.swapping = new Promise((resolve) => {
      done = resolve;
    });
    const old = this.current;
    try {
      await options.retire(old);
      try {
        await options.next.start();
        this.place(options.next);
      } catch (error) {
        this.place(await options.fallback());
        throw error;
      }
    } finally {
      this.swapping = undefined;
      done();
    }
  }

  private place(agent: Agent): void {
    this.current = agent;
    // Connectors stay subscribed: their listeners move to the new agent's plugins.
    for (const [listener, unsubscribe] of this.listeners) {
      unsubscribe();
      this.listeners.set(listener, this.subscribe(agent, listener));
    }
  }

  /** Declined while paused: the plugin keeps the message, and `resume` has it offered again. */
  private subscribe(agent: Agent, listener: OutboundListener): () => void {
    return agent.onOutbound((message) => !this.paused && listener(message));
  }
}
