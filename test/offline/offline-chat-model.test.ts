import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { OfflineChatModel } from "../../src/offline/index.js";
import { prompt, sage, turn } from "../helpers/sage-character.js";

const ALICE = [
  "name: Alice",
  "lives in: Lima",
  "works as: a nurse",
  "pet: a dog called Rex",
  "favourite food: ramen",
  "likes: jazz, hiking",
  "dislikes: olives",
  "age: 34",
];

/** The offline model of a Sage whose only message example answers `prompt` with `answer`. */
function sageAnswering(prompt: string, answer: string): OfflineChatModel {
  const messageExamples = [
    [
      { user: "{{user}}", text: prompt },
      { user: "Sage", text: answer },
    ],
  ];
  return new OfflineChatModel({ character: sage({ messageExamples }) });
}

async function reply(
  text: string,
  sections: Parameters<typeof turn>[1] = {},
  model = new OfflineChatModel({ character: sage() }),
) {
  const message = await model.invoke(turn(text, sections));
  return message.text;
}

describe("OfflineChatModel: memory questions", () => {
  const NOT_TOLD = /haven't told me|haven't mentioned|don't know/i;
  const cases: [string, string, RegExp][] = [
    ["What is my name?", "Alice", /your name/],
    ["Who am I?", "Alice", /your name/],
    ["Where do I live now?", "Lima", /where you live/],
    ["What do I do for a living?", "a nurse", /what you do for work/],
    ["What's my job?", "a nurse", /what you do for work/],
    ["What is my pet called?", "Rex", /pet/],
    ["Do I have a pet?", "Rex", /pet/],
    ["What's my favourite food?", "ramen", /favourite food/],
    ["What do I like?", "jazz", /what you like/],
    ["What do I dislike?", "olives", /what you dislike/],
    ["How old am I?", "34", /how old you are/],
  ];

  for (const [question, expected, subject] of cases) {
    it(`answers "${question}" from the facts, and says so when the fact is missing`, async () => {
      expect(await reply(question, { userFacts: ALICE })).toContain(expected);
      const unknown = await reply(question, { userFacts: [] });
      expect(unknown).toMatch(NOT_TOLD);
      expect(unknown).toMatch(subject);
      expect(unknown).not.toContain(expected);
    });
  }

  it("falls back to the display name for the name, saying it is what they go by here", async () => {
    const answer = await reply("What's my name?", { speaker: ["display name: ally_92", "platform: terminal"] });
    expect(answer).toMatch(/haven't told me your name/i);
    expect(answer).toContain("ally_92");
  });

  it("answers where the user lives with the prompt's current place, not an older one from the history", async () => {
    const model = new OfflineChatModel({ character: sage() });
    const answer = await model.invoke([
      new SystemMessage(prompt({ userFacts: ["name: Alice", "lives in: Lima"] })),
      new HumanMessage("I live in Paris"),
      new AIMessage("Paris, lovely!"),
      new HumanMessage("Where do I live?"),
    ]);
    expect(answer.text).toContain("Lima");
    expect(answer.text).not.toContain("Paris");
  });

  it("remembers a fact stated earlier in the history when the prompt does not have it yet", async () => {
    const model = new OfflineChatModel({ character: sage() });
    const answer = await model.invoke([
      new SystemMessage(prompt()),
      new HumanMessage("I moved to Berlin last month"),
      new AIMessage("Berlin! How are you settling in?"),
      new HumanMessage("Where do I live now?"),
    ]);
    expect(answer.text).toContain("Berlin");
  });

  it("in a group room, does not take what another member said as the speaker's own fact", async () => {
    const model = new OfflineChatModel({ character: sage() });
    const answer = await model.invoke([
      new SystemMessage(prompt()),
      new HumanMessage({ content: "I moved to Berlin last month", name: "Bob" }),
      new AIMessage("Berlin! How are you settling in?"),
      new HumanMessage({ content: "I live in Porto, by the river", name: "Alice" }),
      new AIMessage("Porto, lovely."),
      new HumanMessage({ content: "Where do I live now?", name: "Bob" }),
    ]);
    expect(answer.text).toContain("Berlin");
    expect(answer.text).not.toContain("Porto");
    const alice = await model.invoke([
      new SystemMessage(prompt()),
      new HumanMessage({ content: "I moved to Berlin last month", name: "Bob" }),
      new HumanMessage({ content: "Where do I live?", name: "Alice" }),
    ]);
    expect(alice.text).not.toContain("Berlin");
  });

  it("says where it knows something from: the user, when it repeated what they said", async () => {
    const model = new OfflineChatModel({ character: sage() });
    const askAfter = async (lastReply: string) =>
      (
        await model.invoke([
          new SystemMessage(prompt({ userFacts: ALICE })),
          new HumanMessage("Where do I live?"),
          new AIMessage(lastReply),
          new HumanMessage("How do you know that?"),
        ])
      ).text;
    expect(await askAfter("You live in Lima.")).toMatch(/you told me/i);
    expect(await askAfter("The tide turns twice a day.")).not.toMatch(/you told me/i);
  });

  it("lists what it knows about the user", async () => {
    const answer = await reply("What do you know about me?", { userFacts: ALICE });
    for (const fact of ["Alice", "Lima", "a nurse", "Rex", "ramen"]) expect(answer).toContain(fact);
  });
});

describe("OfflineChatModel: replies", () => {
  it("greets a user who tells their name, by that name", async () => {
    expect(await reply("My name is Bob")).toContain("Bob");
    expect(await reply("Hi! I'm Carmen.")).toContain("Carmen");
  });

  it("says goodbye to a goodbye, by name when it knows it, and not to a request that starts alike", async () => {
    const BYE = /\b(?:bye|take care|see you soon)\b/i;
    for (const text of ["bye", "Thanks, see you tomorrow!", "good night Sage 👋"])
      expect(await reply(text)).toMatch(BYE);
    expect(await reply("ok bye then", { userFacts: ["name: Alice"] })).toContain("Alice");
    expect(await reply("take care of my plants while I'm away?")).not.toMatch(BYE);
  });

  it("remarks on a place the user moved to", async () => {
    expect(await reply("I moved to Lima last year")).toContain("Lima");
  });

  it("acknowledges a job, a pet and a favourite", async () => {
    expect(await reply("I work as a carpenter")).toMatch(/carpenter/i);
    expect(await reply("I have a cat called Miso")).toContain("Miso");
    expect(await reply("My favourite colour is green")).toContain("green");
  });

  it("answers a greeting with the character's greeting first, then with a hello by name", async () => {
    expect(await reply("hello!", { userFacts: ["name: Alice"] })).toBe("Welcome, Alice. The kettle is on.");
    const model = new OfflineChatModel({ character: sage() });
    const later = await model.invoke([
      new SystemMessage(prompt({ userFacts: ["name: Alice"] })),
      new HumanMessage("hi"),
      new AIMessage("Welcome, Alice. The kettle is on."),
      new HumanMessage("hey there"),
    ]);
    expect(later.text).toContain("Alice");
    expect(later.text).not.toContain("kettle");
  });

  it("answers with the reply of the most similar message example, filling in the user's name", async () => {
    expect(await reply("which plant is your favourite?", { userFacts: ["name: Alice"] })).toBe(
      "Lavender, Alice. It smells like a quiet evening.",
    );
    expect(await reply("what is your favourite plant")).toContain("Lavender, friend.");
  });

  it("takes an example's reply only when the message shares the example's telling words, not just a common one", async () => {
    const howWorks = (thing: string, answer: string) => [
      { user: "{{user}}", text: `How do ${thing} work?` },
      { user: "Sage", text: answer },
    ];
    const character = sage({
      messageExamples: [
        howWorks("vaccines", "A vaccine shows your immune system a harmless piece of a germ."),
        howWorks("tides", "The moon pulls the sea."),
        howWorks("bees", "They dance to share where the flowers are."),
      ],
    });
    const model = new OfflineChatModel({ character });
    expect(await reply("how does a vaccine work?", {}, model)).toContain("immune system");
    expect(await reply("what are you working on?", {}, model)).not.toContain("immune system");
  });

  it("answers from the character's knowledge and from recalled knowledge and memories", async () => {
    expect(await reply("how much sun does basil need?")).toContain("six hours of sun");
    expect(
      await reply("when does the farmers market open?", {
        knowledge: ["The farmers market opens on Saturdays at 8am."],
      }),
    ).toContain("Saturdays at 8am");
    const memory = await reply("do you remember my sister?", {
      userFacts: ["name: Alice"],
      memories: ["Alice: my sister is visiting from Madrid in June"],
    });
    expect(memory).toMatch(/your sister is visiting from Madrid/);
  });

  it("quotes a long line that holds every word of a short question, not one that shares a single word of several", async () => {
    const villanelle =
      "A villanelle has 19 lines, five tercets and a closing quatrain, with two refrains and only two rhymes; Dylan Thomas's 'Do not go gentle into that good night' is a famous example.";
    expect(await reply("what is a villanelle?", { knowledge: [villanelle] })).toContain("19 lines");
    const sonnet =
      "A Petrarchan sonnet has an eight-line octave rhymed ABBAABBA and a six-line sestet, with a turn between them.";
    expect(await reply("how do I write a strong opening line?", { knowledge: [sonnet] })).not.toContain("Petrarchan");
    // A line cut after a quoted question is quoted whole, not from the middle of its sentence.
    const habari = "'Jambo' is a Swahili greeting; 'Habari?' literally asks 'What's the news?'.";
    expect(await reply("what is the news?", { knowledge: [habari] })).toContain("'Jambo' is a Swahili greeting");
  });

  it("quotes its bio and lore when asked about itself, not for a question that shares a word with them", async () => {
    expect(await reply("how do I build a cottage?")).not.toContain("herbalist");
    expect(await reply("how can I stay calm?")).toContain("Chamomile tea");
    expect(await reply("where did you once walk to?")).toContain("Lisbon to Rome");
  });

  it("takes an example's reply only when the message has its telling words, not one of two", async () => {
    const model = sageAnswering("Who invented the telephone?", "Bell patented it in 1876, though others were close.");
    expect(await reply("Who invented the telephone?", {}, model)).toContain("Bell");
    expect(await reply("Who invented the computer?", {}, model)).not.toContain("Bell");
  });

  it("quotes Markdown knowledge as prose: no heading glued to a sentence, no table, no code marks", async () => {
    const readme = [
      "## Running the server",
      "Start the server with `npm start`; it listens on **port 3000**:",
      "",
      "| variable | default |",
      "|---|---|",
      "| PORT | 3000 |",
    ].join("\n");
    const answer = await reply("how do I start the server?", { knowledge: [readme] });
    expect(answer).toContain("Start the server with npm start; it listens on port 3000.");
    expect(answer).not.toMatch(/[|`#*]|Running the server/);
  });

  it("answers 'who are you?' with who the character is, not with its reply to 'how are you?'", async () => {
    const character = sage({
      messageExamples: [
        [
          { user: "{{user}}", text: "How are you doing?" },
          { user: "Sage", text: "I'm doing well, thank you for asking!" },
        ],
        [
          { user: "{{user}}", text: "What's my name?" },
          { user: "Sage", text: "You haven't told me yet!" },
        ],
      ],
    });
    const model = new OfflineChatModel({ character });
    expect(await reply("What's your name?", {}, model)).toContain("I'm Sage");
    const answer = await reply("Who are you?", {}, model);
    expect(answer).toContain("I'm Sage, a calm herbalist who lives in a cottage by the forest.");
    expect(answer).not.toContain("doing well");
    expect(await reply("How are you doing?", {}, model)).toContain("I'm doing well");
    const withoutBio = new OfflineChatModel({ character: sage({ bio: [] }) });
    expect(await reply("who are you?", {}, withoutBio)).toMatch(/^I'm Sage\. Ask me about (?:gardening|herbal tea)/);
  });

  it("answers 'do you know any …?' with the example it asks for, not a line that merely says 'know'", async () => {
    const character = sage({
      bio: ["Sage is a calm herbalist.", "She is happy to say 'I don't know, but I know who does.'"],
      messageExamples: [
        [
          { user: "{{user}}", text: "Tell me a joke" },
          { user: "Sage", text: "Why did the mint leave the party? It felt a little crushed." },
        ],
      ],
    });
    const answer = await reply("Do you know any good jokes?", {}, new OfflineChatModel({ character }));
    expect(answer).toContain("Why did the mint leave the party?");
    expect(answer).not.toContain("I know who does");
  });

  it("keeps a parenthesis whole when it shortens a reply to three sentences", async () => {
    const joke = "I read a book on glue. I couldn't put it down. (Wren groans. Everyone does.) Then I stuck with it.";
    const answer = await reply("Tell me a joke", {}, sageAnswering("Tell me a joke", joke));
    expect(answer).toContain("I couldn't put it down. (Wren groans. Everyone does.)");
    expect(answer).not.toContain("stuck with it");
  });

  it("counts a numbered list's items as sentences, not its numbers", async () => {
    const steps = "Two steps: 1. Soak the seeds overnight. 2. Sow them shallow. Then wait.";
    const answer = await reply("How do I sow basil?", {}, sageAnswering("How do I sow basil?", steps));
    expect(answer).toContain("1. Soak the seeds overnight. 2. Sow them shallow.");
  });

  it("reflects the user's words back, ELIZA-style", async () => {
    expect(await reply("I need my coffee")).toMatch(/you need your coffee|to get your coffee|need your coffee/i);
    expect(await reply("I feel lost lately")).toMatch(/feel(?:ing)? lost lately/);
    expect(await reply("I'm feeling stuck on my novel")).toMatch(
      /(?:why do you feel|do you often feel|when did you start feeling) stuck on your novel/i,
    );
    expect(await reply("you are weird")).toMatch(/I am weird|I'm weird/);
    expect(await reply("Hey, are you a robot?")).toMatch(/I am a robot|I were a robot|I were not a robot/);
  });

  it("reads 'what are you working on?' as a question about the character, not a yes-or-no one", async () => {
    for (const question of ["what are you working on?", "What are you researching at the moment?"]) {
      const answer = await reply(question);
      expect(answer).toMatch(/Talking with you|This conversation|A little of everything/);
      expect(answer).toMatch(/\?$/);
    }
  });

  it("says it does not know what it is asked about, rather than turning the question back", async () => {
    const DONT_KNOW = /(?:don't know much|can't tell you much) about (?:quantum chromodynamics|penguins|Ada Lovelace)/;
    for (const question of [
      "What is quantum chromodynamics?",
      "Tell me about penguins.",
      "Research penguins",
      "Who was Ada Lovelace?",
    ]) {
      const answer = await reply(question);
      expect(answer).toMatch(DONT_KNOW);
      expect(answer).toMatch(/gardening|herbal tea/); // what it does know about
    }
    // A factual question whose subject is not worth saying back gets a plain "I don't know".
    for (const question of ["Why is the sky blue?", "How far away is the moon?", "What causes earthquakes?"]) {
      expect(await reply(question)).toMatch(/I don't know|don't know, I'm afraid/);
    }
    // Questions about the people talking, or too vague to name back, are left to the other rules.
    for (const question of [
      "What is your favourite colour?",
      "What is the best book you have read?",
      "What's up?",
      "What is the weather like?",
      "How's it going?",
      "How are you?",
      "Why do you like herbs?",
    ]) {
      expect(await reply(question)).not.toMatch(/don't know|can't tell you much/);
    }
    // What its knowledge holds, it answers; what the user told it, it says back; what was said, it does not deny.
    expect(await reply("Tell me how much sun basil needs")).toContain("six hours of sun");
    expect(await reply("What is Rex?", { userFacts: ALICE })).toBe("You told me you have a dog called Rex.");
    const model = new OfflineChatModel({ character: sage() });
    const history = [
      new SystemMessage(prompt()),
      new HumanMessage("My neighbour keeps quinces in her shed."),
      new AIMessage("Quinces! They smell wonderful."),
      new HumanMessage("What are quinces?"),
    ];
    expect((await model.invoke(history)).text).not.toMatch(/don't know much|can't tell you much/);
  });

  it("steers an unmatched message towards one of the character's topics", async () => {
    expect(await reply("the sky is blue")).toMatch(/gardening|herbal tea/);
    const tagged = new OfflineChatModel({ character: sage({ topics: ["seed_saving"] }) });
    expect(await reply("the sky is blue", {}, tagged)).toContain("seed saving");
  });

  it("sounds different for different characters", async () => {
    const bubbly = sage({ name: "Pip", adjectives: ["cheerful"], style: { all: ["all lowercase", "uses emojis"] } });
    const answers = new Set<string>();
    for (const character of [sage(), bubbly]) {
      answers.add((await new OfflineChatModel({ character }).invoke(turn("the sky is blue"))).text);
    }
    expect(answers.size).toBe(2);
    const pip = (await new OfflineChatModel({ character: bubbly }).invoke(turn("I need a holiday"))).text;
    expect(pip).toBe(pip.toLowerCase());
    expect(pip).toMatch(/\p{Extended_Pictographic}/u);
  });

  it("gives the same reply to the same input", async () => {
    const first = await reply("I think the rain is coming", { userFacts: ALICE });
    const second = await reply(
      "I think the rain is coming",
      { userFacts: ALICE },
      new OfflineChatModel({ character: sage() }),
    );
    expect(second).toBe(first);
  });

  it("answers weird input with a short, non-empty reply", async () => {
    const weird = [
      "",
      "   ",
      "🙂🙂🙂",
      "مرحبا كيف حالك",
      "\u0000\u0007\u202e hey",
      "x".repeat(100_000),
      "?!?!",
      "{{user}}",
    ];
    for (const text of weird) {
      const answer = await reply(text);
      expect(answer.trim().length).toBeGreaterThan(0);
      expect(answer.length).toBeLessThan(500);
    }
  });

  it("reports rough token usage", async () => {
    const model = new OfflineChatModel({ character: sage() });
    const result = await model.generate([turn("I feel lost lately")]);
    expect(result.llmOutput?.tokenUsage.totalTokens).toBeGreaterThan(0);
    expect(model._llmType()).toBe("troupe-offline");
  });
});
