/** The "Possible duplicates" page. */
export const DUPLICATES_PATH = "/duplicates";
