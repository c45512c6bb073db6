// The public booking page's entry (loaded by main.tsx for /book/<slug>).
import type { Root } from "react-dom/client";
import { mountPublicPage } from "../../shared/api/publicPage";
import { BookingPage } from "./components/BookingPage";

export function mountBooking(root: Root, accountSlug: string): void {
  mountPublicPage(root, "Request an appointment", <BookingPage accountSlug={accountSlug} />, { cacheableReads: true });
}
