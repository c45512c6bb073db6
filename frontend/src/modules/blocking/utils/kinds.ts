import type { BlockKind } from "../../../gql/graphql";

export const BLOCK_KINDS: readonly { value: BlockKind; label: string; hint: string }[] = [
  { value: "EMAIL", label: "Email", hint: "anna@example.com" },
  { value: "PHONE", label: "Phone", hint: "+41 79 123 45 67" },
  { value: "NAME", label: "Name", hint: "Anna Müller (case does not matter)" },
  { value: "DOMAIN", label: "Email domain", hint: "example.com" },
  { value: "IP", label: "IP address or network", hint: "203.0.113.7 or 203.0.113.0/24" },
];

export function kindLabel(kind: BlockKind): string {
  return BLOCK_KINDS.find((entry) => entry.value === kind)?.label ?? kind;
}
