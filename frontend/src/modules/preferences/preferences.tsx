// The customer's preferences page's entry (loaded by main.tsx for /preferences/<token>).
import type { Root } from "react-dom/client";
import { mountPublicPage } from "../../shared/api/publicPage";
import { PreferencesPage } from "./components/PreferencesPage";

export function mountPreferences(root: Root, token: string): void {
  mountPublicPage(root, "Message preferences", <PreferencesPage token={token} />);
}
