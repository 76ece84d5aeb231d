import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const OWNERS = ["cousin's", "neighbour's", "grandmother's", "landlord's", "best friend's"];
const THINGS = ["tortoise", "sailboat", "bakery", "greenhouse"];
const SHADES = ["teal", "crimson", "mauve", "ochre", "indigo", "amber", "olive", "scarlet", "ivory", "cobalt"];
const RELATIVES = ["stepbrother", "godmother", "flatmate", "sister-in-law", "great-uncle", "twin"];
const JOBS = ["glassblower", "tugboat pilot", "cartographer", "beekeeper", "luthier", "stonemason"];
const SYLLABLES = ["zor", "vath", "quil", "lon", "bre", "nix", "tam", "poru", "dex", "wyl"];

/** A made-up name, different for every index, that no list in the code can know. */
function inventedName(index: number): string {
  const name = `${SYLLABLES[index % 10]}${SYLLABLES[Math.floor(index / 10) % 10]}${SYLLABLES[(index * 7 + 3) % 10]}`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Thirty-two facts of kinds no extractor lists, each with the question that asks for it. */
const FACTS = [
  ...OWNERS.flatMap((owner, i) =>
    THINGS.map((thing, j) => {
      const value = inventedName(i * THINGS.length + j);
      return { told: `My ${owner} ${thing} is called ${value}.`, asked: `What is my ${owner} ${thing}'s name?`, value };
    }),
  ),
  ...THINGS.flatMap((thing, i) =>
    ["car", "scarf"].flatMap((item, j) => {
      const value = SHADES[(i * 2 + j) % SHADES.length] as string;
      return [
        {
          told: `The ${item} my ${thing} club gave me is ${value}.`,
          asked: `What colour is the ${item} from my ${thing} club?`,
          value,
        },
      ];
    }),
  ),
  ...RELATIVES.map((relative, i) => {
    const value = JOBS[i] as string;
    return { told: `My ${relative} works as a ${value}.`, asked: `What does my ${relative} do for a living?`, value };
  }),
];

describe("facts of any kind", () => {
  const tempDir = useTempDir();

  it("are answered in a later process from what the user said, whatever their kind", async () => {
    const dataDir = tempDir();
    const chat = (lines: string[]) =>
      runCli(["chat", "Juno", "--user", "Noor", "--no-helpers", "--data-dir", dataDir], {
        input: `${lines.join("\n")}\n`,
      });
    expect((await chat(FACTS.map((fact) => fact.told))).code).toBe(0);

    const second = await chat(FACTS.map((fact) => fact.asked));
    expect(second.code).toBe(0);
    const answers = second.stdout.trimEnd().split("\n");
    expect(answers).toHaveLength(FACTS.length);
    const wrong = FACTS.map(({ asked, value }, index) => ({ asked, value, answer: answers[index] })).filter(
      ({ value, answer }) => !answer?.includes(value),
    );
    expect(wrong).toEqual([]);
  }, 60_000);
});
