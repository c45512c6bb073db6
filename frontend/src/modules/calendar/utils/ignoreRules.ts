// Ignore rules as the server applies them: the text with its runs of white space made single
// spaces, found anywhere in the title in any case.

export const MIN_RULE_TEXT = 2;
export const MAX_RULE_TEXT = 200;

/** "  Team   meeting " → "Team meeting" (what the server stores). */
export const ruleText = (text: string) => text.split(/\s+/).filter(Boolean).join(" ");

/** Whether an event with this title is covered by a rule with this text. */
export function coveredBy(title: string | null | undefined, text: string): boolean {
  const needle = ruleText(text).toLowerCase();
  return needle !== "" && (title ?? "").toLowerCase().includes(needle);
}
