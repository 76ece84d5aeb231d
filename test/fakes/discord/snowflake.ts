/** Discord's epoch (2015-01-01): snowflakes carry milliseconds since then in their top 42 bits. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let counter = 0n;

/** A fresh, increasing snowflake id, as a string like Discord sends them. */
export function nextSnowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (BigInt(process.pid & 0x3ff) << 12n) | counter);
}

/** Which shard a guild belongs to, by Discord's rule `(guild_id >> 22) % num_shards`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
