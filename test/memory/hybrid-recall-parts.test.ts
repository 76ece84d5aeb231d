import { describe, expect, it } from "vitest";
import { createEmbedder, hybridRelevance, keywordWords, LongTermMemory } from "../../src/memory/index.js";
import { KeywordSearch } from "../../src/memory/keyword-search.js";
import { RoomTimeline } from "../../src/memory/room-timeline.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("keywordWords", () => {
  it("keeps the meaningful words and nothing FTS could read as syntax", () => {
    expect(keywordWords("When did Melanie paint a sunrise?")).toEqual(["melanie", "paint", "sunrise"]);
    expect(keywordWords('drop "table" OR NOT x*')).toEqual(["drop", "table"]);
  });

  it("has nothing to search for in stopwords and punctuation", () => {
    expect(keywordWords("is it?")).toEqual([]);
    expect(keywordWords("")).toEqual([]);
  });
});

describe("KeywordSearch", () => {
  const tempDir = useTempDir();

  /** Juno's long-term memory in a fresh data folder, opened. */
  function junoMemory() {
    const db = openTroupeStore({ dataDir: tempDir() });
    const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 });
    const memory = new LongTermMemory({ db, agent: "Juno", embedder });
    memory.open();
    return { db, memory };
  }

  it("weighs a word by how rare it is among this agent's memories, whatever other agents store", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 });
    const store = (agent: string, texts: string[]) => {
      const memory = new LongTermMemory({ db, agent, embedder });
      memory.open();
      return texts.map((text) => memory.add({ kind: "message", text }));
    };
    // Another agent talks about lighthouses all the time; to Juno the word is as rare as "keeper".
    store(
      "Wren",
      Array.from({ length: 40 }, (_, i) => `the lighthouse stood tall on night ${i}`),
    );
    const [lighthouse, keeper] = store("Juno", [
      "we walked up to the old lighthouse",
      "my uncle was a keeper of bees",
      ...Array.from({ length: 8 }, (_, i) => `small talk about the weather, part ${i}`),
    ]) as number[];
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    const texts = db.prepare("SELECT id, text FROM memories WHERE agent = 'Juno'").all() as {
      id: number;
      text: string;
    }[];
    for (const { id, text } of texts) search.add(id, text);

    const hits = search.find("the lighthouse keeper", () => true, 10);
    expect(hits.map((hit) => hit.id).sort()).toEqual([lighthouse, keeper].sort());
    const [first, second] = hits.map((hit) => hit.score) as [number, number];
    expect(second / first).toBeGreaterThan(0.8);
    db.close();
  });

  it("finds a memory by a number in it, and a query whose only new words are numbers writes nothing", () => {
    const { db, memory } = junoMemory();
    const texts = ["the train leaves from platform 9", "order 4521 shipped on monday", "order 77 was lost"];
    const ids = texts.map((text) => memory.add({ kind: "message", text }));
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    for (const [i, text] of texts.entries()) search.add(ids[i] as number, text);
    search.find("which order was lost", () => true, 10);

    const before = db.prepare("SELECT total_changes() AS n").get() as { n: number };
    expect(search.find("order 4521", () => true, 10).map((hit) => hit.id)[0]).toBe(ids[1]);
    expect(search.find("order 77", () => true, 10).map((hit) => hit.id)[0]).toBe(ids[2]);
    expect(db.prepare("SELECT total_changes() AS n").get()).toEqual(before);
    db.close();
  });

  it("reads no occurrence list for a number no memory holds, and still finds a number said in the plural", () => {
    const { db, memory } = junoMemory();
    let listsRead = 0;
    const prepare = db.prepare.bind(db);
    // Counts the reads of a stem's occurrence list from FTS5.
    db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      if (!sql.includes("_instances WHERE term = ?")) return statement;
      const all = statement.all.bind(statement);
      statement.all = (...parameters: unknown[]) => {
        listsRead++;
        return all(...parameters);
      };
      return statement;
    }) as typeof db.prepare;
    const texts = ["order 4521 shipped on monday", "music of the 1990s"];
    const ids = texts.map((text) => memory.add({ kind: "message", text }));
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    for (const [i, text] of texts.entries()) search.add(ids[i] as number, text);

    expect(search.find("order 4521", () => true, 10).map((hit) => hit.id)).toEqual([ids[0]]);
    const read = listsRead;
    expect(search.find("order 5001", () => true, 10).map((hit) => hit.id)).toEqual([ids[0]]);
    expect(listsRead).toBe(read);
    // "1990s" stems to "1990": a word of digits and a letter counts as holding the number.
    expect(search.find("1990", () => true, 10).map((hit) => hit.id)).toEqual([ids[1]]);
    db.close();
  });

  it("holds a bounded number of occurrence lists however many different numbers users search for", () => {
    const { db } = junoMemory();
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    const insert = db.prepare(
      "INSERT INTO memories (agent, kind, text, created_at, accessed_at) VALUES ('Juno', 'message', ?, 0, 0)",
    );
    // Every message carries a number of its own ("order 5001"): each search caches a list of one occurrence.
    const orders = 15_000;
    db.transaction(() => {
      for (let i = 0; i < orders; i++) {
        const text = `order ${5000 + i} shipped`;
        search.add(Number(insert.run(text).lastInsertRowid), text);
      }
    })();
    let found = 0;
    for (let i = 0; i < orders; i++) {
      if (search.find(`${5000 + i}`, () => true, 1).length === 1) found++;
    }
    expect(found).toBe(orders);
    // 5 MB of lists at about 450 bytes each, not one list per number ever searched.
    expect(search.cachedLists).toBeLessThanOrEqual(Math.ceil(5_000_000 / 450));
    db.close();
  });

  it("returns only what the caller accepts, best first", () => {
    const { db, memory } = junoMemory();
    const texts = ["ramen with miso", "miso soup and miso ramen", "a bowl of rice"];
    const ids = texts.map((text) => memory.add({ kind: "message", text }));
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    for (const [i, text] of texts.entries()) search.add(ids[i] as number, text);

    expect(search.find("miso", () => true, 10).map((hit) => hit.id)).toEqual([ids[1], ids[0]]);
    expect(search.find("miso", (id) => id !== ids[1], 10).map((hit) => hit.id)).toEqual([ids[0]]);
    db.close();
  });

  it("in a large memory leaves out a word too common to tell memories apart, until enough of them are forgotten", () => {
    const { db, memory } = junoMemory();
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    const store = (texts: string[]) =>
      db.transaction(() =>
        texts.map((text) => {
          const id = memory.add({ kind: "message", text });
          search.add(id, text);
          return id;
        }),
      )();
    // 2,400 memories: "running" is in 300 of them (a searched word may be in 5%, 120), "cat" in 3.
    const running = store(Array.from({ length: 300 }, (_, i) => `we were running late again on day ${i}`));
    store(Array.from({ length: 2097 }, (_, i) => `small talk number ${i}`));
    const cats = store(["my cat sleeps all day", "the cat chased a moth", "a cat called Miso"]);

    const found = (query: string) => search.find(query, () => true, 400).map((hit) => hit.id);
    expect(found("running cat").sort()).toEqual([...cats].sort());
    expect(found("runs cat").sort()).toEqual([...cats].sort()); // another form of the same stem

    const forgotten = running.slice(0, 250);
    memory.forget(forgotten);
    for (const id of forgotten) search.remove(id, "we were running late again");
    expect(found("running cat").sort()).toEqual([...running.slice(250), ...cats].sort());
    db.close();
  });

  it("finds a memory stored after its word was last searched, and never credits a forgotten memory's words to a new one", () => {
    const { db, memory } = junoMemory();
    const search = new KeywordSearch(db, "memories_fts", "memories_terms");
    const store = (text: string) => {
      const id = memory.add({ kind: "message", text });
      search.add(id, text);
      return id;
    };
    const ramen = store("ramen with miso");
    expect(search.find("miso", () => true, 10).map((hit) => hit.id)).toEqual([ramen]);

    const soups = store("Miso soups, twice a week");
    expect(search.find("soup miso", () => true, 10).map((hit) => hit.id)).toEqual([soups, ramen]);

    memory.forget([soups]);
    search.remove(soups, "Miso soups, twice a week");
    const rice = store("a bowl of rice");
    expect(rice).toBe(soups); // SQLite gives the highest id out again
    expect(search.find("miso soup", () => true, 10).map((hit) => hit.id)).toEqual([ramen]);
    expect(search.find("rice", () => true, 10).map((hit) => hit.id)).toEqual([rice]);
    db.close();
  });
});

describe("hybridRelevance", () => {
  it("ranks a memory found by both searches above one found by either alone", () => {
    const relevance = hybridRelevance(
      [
        { label: 1, similarity: 0.9 },
        { label: 2, similarity: 0.5 },
      ],
      [
        { id: 1, score: 3 },
        { id: 3, score: 3 },
      ],
    );
    expect(relevance.get(1)).toBeGreaterThan(relevance.get(3) as number);
    expect(relevance.get(3)).toBeGreaterThan(relevance.get(2) as number);
    const all = Array.from({ length: relevance.size }, (_, i) => relevance.relevanceAt(i));
    expect(Math.max(...all)).toBeLessThanOrEqual(1);
  });
});

describe("RoomTimeline", () => {
  it("gives the turns before and after a turn of the same room only", () => {
    const timeline = new RoomTimeline();
    for (const [room, id] of [
      ["a", 1],
      ["b", 2],
      ["a", 3],
      ["a", 5],
      ["b", 4],
    ] as const)
      timeline.add(room, id);
    const neighbours = (room: string, id: number) => {
      const found: number[] = [];
      timeline.forEachNeighbour(room, id, (neighbour) => found.push(neighbour));
      return found;
    };
    expect(neighbours("a", 3)).toEqual([1, 5]);
    expect(neighbours("b", 2)).toEqual([4]);
    timeline.remove("a", 3);
    expect(neighbours("a", 1)).toEqual([5]);
    expect(neighbours("a", 3)).toEqual([]);
  });
});
