// Where a search hit's matched value is shown in a list row: in the cell that already shows the
// same value (name, email, phone), or on a line of its own ("Company: …", "Notes: …").

export interface SearchMatchLike {
  field: string;
  /** The API's name for the field (a custom field's label); older answers may lack it. */
  label?: string;
  value: string;
  highlight: { start: number; end: number } | null;
}

export type MatchPlace = "name" | "email" | "phone" | "line";

const LABELS: Record<string, string> = {
  name: "Name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  notes: "Notes",
  address: "Address",
};

export function matchPlace(
  match: SearchMatchLike,
  shown: { displayName: string; email: string | null; phone: string | null },
): MatchPlace {
  if (match.field === "name" && match.value === shown.displayName) return "name";
  if (match.field === "email" && match.value === shown.email) return "email";
  if (match.field === "phone" && match.value === shown.phone) return "phone";
  return "line";
}

/** "company" → "Company"; "customFields.member_level" → "member level". */
export function matchLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const bare = field.replace(/^custom_?fields?\./i, "");
  const words = bare.replace(/[_.]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : field;
}
