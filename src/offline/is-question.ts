const QUESTION = /\?|^(?:what|who|where|when|why|how|which|do|does|did|is|are|can|could|tell me|explain)\b/i;

/** Whether a message asks something: it has a question mark, or starts like a question or a request to explain. */
export function isQuestion(text: string): boolean {
  return QUESTION.test(text);
}
