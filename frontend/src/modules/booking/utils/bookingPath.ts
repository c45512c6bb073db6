/** The account slug of a /book/<slug> path (the public booking page); null for any other path. */
export function bookingSlug(pathname: string): string | null {
  const match = /^\/book\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
