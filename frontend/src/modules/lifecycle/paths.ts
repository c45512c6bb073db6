/** Settings → Customer lifecycle: the archive and retention rules and what they did. */
export const LIFECYCLE_SETTINGS_PATH = "/settings/lifecycle";
