// Routes of the customers module. Global IDs are base64 and may contain "/", "+" or "=".
export const LIST_PATH = "/customers";

export function profilePath(id: string): string {
  return `${LIST_PATH}/${encodeURIComponent(id)}`;
}
