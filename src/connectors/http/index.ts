/**
 * The HTTP connector: the API's conversation routes (messages in, replies
 * and held proactive messages out), mounted by the HTTP server.
 */
export { badRequest, errorSchema, jsonResponse, requireJsonBody, validationHook } from "./api-validation.js";
export { agentParamsSchema, createHttpConnector, HttpConnector } from "./http-connector.js";
