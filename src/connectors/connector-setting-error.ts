import { TroupeError } from "../errors/index.js";

/** A connector setting (an API root, a webhook URL) has a value the connector cannot use. Names the variable, not the value. */
export class ConnectorSettingError extends TroupeError {
  readonly platform: string;
  readonly agent: string;
  readonly variable: string;
  /** What was expected, e.g. "an http(s) URL". */
  readonly expected: string;

  constructor(options: { platform: string; agent: string; variable: string; expected: string }) {
    super({
      code: "CONNECTOR_SETTING_INVALID",
      category: "USER",
      message: `${options.variable} for ${options.agent}'s ${options.platform} bot should be ${options.expected}.`,
    });
    this.platform = options.platform;
    this.agent = options.agent;
    this.variable = options.variable;
    this.expected = options.expected;
  }
}
