// Routes of the appointments module.
export const TODAY_PATH = "/today";
