import http from "node:http";
import { type ITwitterApiClientPlugin, TwitterApi } from "twitter-api-v2";
import { endpointOf, type RateLimits } from "./rate-limits.js";
import type { TwitterCredentials } from "./twitter-settings.js";

/** The hosts the library hardcodes; `apiBase` replaces them. */
const X_HOSTS = /^https:\/\/(?:api|upload)\.(?:x|twitter)\.com/;

/**
 * A `twitter-api-v2` client for one account. With `apiBase`, a plugin
 * rewrites every URL before the request is signed (so the OAuth 1.0a
 * signature covers the URL actually called), and an `http.Agent` is passed
 * for a plain-HTTP base, since the library always calls `https.request`.
 * Every response's rate-limit headers go to `rateLimits`.
 */
export function createTwitterClient(options: {
  credentials: TwitterCredentials;
  apiBase?: string;
  rateLimits: RateLimits;
}): TwitterApi {
  const { apiBase, rateLimits } = options;
  const rewrite = (params: { url: string }) => {
    if (apiBase) params.url = params.url.replace(X_HOSTS, apiBase);
  };
  const plugin: ITwitterApiClientPlugin = {
    onBeforeRequestConfig: ({ params }) => rewrite(params),
    onBeforeStreamRequestConfig: ({ params }) => rewrite(params),
    onAfterRequest: ({ params, url, response }) => {
      rateLimits.observe(endpointOf(params.method, url), response.rateLimit);
    },
    onResponseError: ({ params, url, error }) => {
      rateLimits.observe(endpointOf(params.method, url), error.rateLimit);
    },
  };
  const settings = {
    plugins: [plugin],
    httpAgent: apiBase?.startsWith("http://") ? new http.Agent() : undefined,
  };
  const { credentials } = options;
  return credentials.kind === "oauth1"
    ? new TwitterApi(
        {
          appKey: credentials.appKey,
          appSecret: credentials.appSecret,
          accessToken: credentials.accessToken,
          accessSecret: credentials.accessSecret,
        },
        settings,
      )
    : new TwitterApi(credentials.token, settings);
}
