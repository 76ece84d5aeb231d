/**
 * `text` with every character that means something in a regular expression
 * escaped, to match it literally inside a larger pattern.
 *
 * @example new RegExp(`^${escapeRegExp("C3.PO")}:`) // matches "C3.PO:", not "C3xPO:"
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
