/**
 * Test helpers for plugin authors (`troupe/testing`): an agent with the
 * offline model and a temporary data folder, to send messages to and read
 * the replies, the actions that ran and the messages it sent on its own.
 */
export {
  createTestAgent,
  type TestAgent,
  type TestAgentOptions,
  type TestMessageOptions,
} from "./create-test-agent.js";
