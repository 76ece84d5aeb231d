/**
 * The web console: chat with a character and see why it answered as it did (the trace of each reply), read
 * and correct what it remembers about a user, watch the bus's tasks and workflows, pause, resume and reload
 * agents. A Preact app built by Vite (src/console/vite.config.ts) into dist/console, which the HTTP server
 * serves at `/`; it talks only to that server's API, so it works offline.
 */
import { render } from "preact";
import { App } from "./app.js";
import "./style.css";

render(<App />, document.getElementById("app") as HTMLElement);
