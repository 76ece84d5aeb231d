/** Where a topic's data lives in Redis, under one prefix so a deployment (or a test run) can be wiped at once. */
export interface RedisKeys {
  stream(topic: string): string;
  dead(topic: string): string;
  done(topic: string, group: string, id: string): string;
  lock(topic: string, group: string, id: string): string;
}

/** The key layout for `prefix`: `<prefix>:stream:<topic>`, `<prefix>:dead:<topic>`, … */
export function redisKeys(prefix: string): RedisKeys {
  return {
    stream: (topic) => `${prefix}:stream:${topic}`,
    dead: (topic) => `${prefix}:dead:${topic}`,
    done: (topic, group, id) => `${prefix}:done:${topic}:${group}:${id}`,
    lock: (topic, group, id) => `${prefix}:lock:${topic}:${group}:${id}`,
  };
}

/** The value of `name` in a stream entry's flat `[field, value, …]` list. */
export function fieldOf(fields: string[] | null | undefined, name: string): string | undefined {
  if (!fields) return undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
