// The text of a trusted document as the server stores and runs it: codegen's text with
// `__typename` in every selection set below the root, where the SPA's normalised cache
// (graphcache, through urql's formatDocument) asks for it when it sends text. Used twice, so
// ids and texts agree: by codegen.ts to hash each document (the id the SPA sends) and by
// vite.config.ts to write dist/trusted-documents.json {"sha256:<hex>": text}.
import { createHash } from "node:crypto";
import { Kind, parse, print, stripIgnoredCharacters, visit, type FieldNode, type SelectionSetNode } from "graphql";

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };

export function trustedDocumentText(text: string): string {
  const withTypenames = visit(parse(text), {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
      const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "__typename" && !s.alias);
      return has ? undefined : { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
  return stripIgnoredCharacters(print(withTypenames));
}

export function trustedDocumentId(text: string): string {
  return `sha256:${createHash("sha256").update(trustedDocumentText(text)).digest("hex")}`;
}
