const CITIES = ["Oslo", "Lima", "Kyoto", "Porto", "Quito", "Accra", "Hanoi", "Perth"];
const THINGS = ["penicillin", "the telescope", "radio waves", "insulin", "the printing press"];
const TASKS = ["stretch", "call mom", "water the plants", "check the oven"];

/**
 * What user `n` says as their `turn`-th message: mostly chat (names,
 * places, questions about themselves), with delegations to a colleague
 * (`research`) and reminders mixed in.
 */
export function userLine(n: number, turn: number): { text: string; kind: "chat" | "delegation" | "reminder" } {
  const roll = (n * 31 + turn * 17) % 100;
  if (roll < 5)
    return { text: `Can you research when ${THINGS[turn % THINGS.length]} was discovered?`, kind: "delegation" };
  if (roll < 8) return { text: `remind me in 1 minute to ${TASKS[turn % TASKS.length]}`, kind: "reminder" };
  const lines = [
    `Hi! My name is User${n}.`,
    `I live in ${CITIES[(n + turn) % CITIES.length]}.`,
    "What is my name?",
    "Where do I live?",
    `My favourite number is ${n % 97}.`,
    "What do you know about me?",
    "Thanks, that was helpful!",
  ];
  return { text: lines[turn % lines.length] as string, kind: "chat" };
}
