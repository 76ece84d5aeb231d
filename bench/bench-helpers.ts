/** The p-th percentile of `values` (nearest rank), rounded to 3 decimals. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 1000) / 1000;
}

/** The median of `values`. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** A varied mix of what users say: greetings, facts, questions, small talk. */
export const USER_LINES = [
  "Hello! How are you today?",
  "My name is Ada and I live in Oslo.",
  "What can you do for me?",
  "I feel a bit tired after work today.",
  "Can you tell me something about Theo?",
  "I have a cat called Miso.",
  "What is my name?",
  "Where do I live?",
  "I moved to Lima last month.",
  "Do you know any good jokes?",
  "My favourite food is ramen.",
  "Why is the sky blue?",
  "I don't like olives.",
  "Thanks, that was helpful!",
  "What do you know about me?",
  "Tell me a short story about a lighthouse.",
];
