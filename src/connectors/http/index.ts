/**
 * The HTTP connector: the API's conversation routes (messages in, replies
 * and held proactive messages out), mounted by the HTTP server.
 */
export { createHttpConnector, HttpConnector } from "./http-connector.js";
