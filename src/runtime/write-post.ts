import { type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Character } from "../character/index.js";
import type { PostRequest } from "../connectors/index.js";
import { type PromptSection, renderPrompt, SECTION } from "../model/index.js";

/**
 * The prompt for a post the character writes on its own: who it is, how it
 * writes (`style.all` and `style.post`), its earlier posts (`postExamples`)
 * as examples of its voice, and what to write about.
 */
export function composePostPrompt(character: Character, request: PostRequest): BaseMessage[] {
  const sections: PromptSection[] = [
    { title: SECTION.character, lines: [...character.bio, ...character.lore.slice(0, 5)] },
    { title: SECTION.style, lines: [...character.style.all, ...character.style.post] },
    { title: SECTION.context, lines: character.postExamples.map((post) => `one of your earlier posts: ${post}`) },
    {
      title: SECTION.instructions,
      lines: [
        `Write one new post for ${request.platform} in your own voice, at most ${request.maxLength} characters, plain text.`,
        "Do not repeat an earlier post.",
      ],
    },
  ];
  const ask = request.topic ? `Write a post about ${request.topic}.` : "Write a post.";
  return [new SystemMessage(renderPrompt(character.name, character.system, sections)), new HumanMessage(ask)];
}
