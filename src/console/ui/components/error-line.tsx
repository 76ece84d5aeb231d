import { useState } from "preact/hooks";
import { ApiError, setToken } from "../api.js";

/** An error as one line; for a 401 (the server asks for its token) a field to give the token. */
export function ErrorLine({ error, onRetry }: { error: Error | undefined; onRetry?: () => void }) {
  const [token, setTokenText] = useState("");
  if (!error) return null;
  const needsToken = error instanceof ApiError && error.status === 401;
  return (
    <div class="error" role="alert">
      <span>{error.message}</span>
      {error instanceof ApiError && error.problems.length > 0 && (
        <ul>
          {error.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {needsToken && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setToken(token);
            onRetry?.();
          }}
        >
          <input
            type="password"
            placeholder="TROUPE_API_TOKEN"
            aria-label="API token"
            value={token}
            onInput={(event) => setTokenText(event.currentTarget.value)}
          />
          <button type="submit">Use token</button>
        </form>
      )}
    </div>
  );
}
