/** Answers one webhook request (Fetch API shapes, so any HTTP server can serve it). */
export type WebhookHandler = (request: Request) => Promise<Response>;

/**
 * The webhook paths connectors serve on Troupe's HTTP server (a Telegram bot
 * in webhook mode): a connector mounts its path when it starts and unmounts
 * it when it stops; the server hands each POST to the handler of its path.
 */
export class WebhookRoutes {
  private readonly routes = new Map<string, WebhookHandler>();

  /** Serves POSTs to `path` with `handler`; returns the function that unmounts it. Throws if the path is taken. */
  mount(path: string, handler: WebhookHandler): () => void {
    if (this.routes.has(path)) throw new Error(`Two connectors want the webhook path ${path}; give each its own URL.`);
    this.routes.set(path, handler);
    return () => {
      if (this.routes.get(path) === handler) this.routes.delete(path);
    };
  }

  /** The handler mounted at `path`, if any. */
  find(path: string): WebhookHandler | undefined {
    return this.routes.get(path);
  }
}
