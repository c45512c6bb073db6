/** The token of a /preferences/<token> path (the customer's preferences page); null for any other path. */
export function preferencesToken(pathname: string): string | null {
  const match = /^\/preferences\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
