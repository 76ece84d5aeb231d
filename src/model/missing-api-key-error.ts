import { TroupeError } from "../errors/index.js";

/** Thrown at start-up when a character runs on OpenAI but no API key is set. */
export class MissingApiKeyError extends TroupeError {
  readonly character: string;

  constructor(options: { character: string }) {
    super({
      code: "MODEL_MISSING_API_KEY",
      category: "USER",
      message: `${options.character} runs on OpenAI but no API key is set. Set OPENAI_API_KEY in the environment or in .env (or model.apiKey in the character file), or unset TROUPE_PROVIDER to use the offline model.`,
    });
    this.character = options.character;
  }
}
