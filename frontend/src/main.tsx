// Every path is served index.html. /book/<account slug> is the public booking page and
// /preferences/<token> a customer's message preferences; neither may load the staff app: each
// is its own chunk, chosen here by the path.
import { createRoot } from "react-dom/client";
import { bookingSlug } from "./modules/booking/utils/bookingPath";
import { preferencesToken } from "./modules/preferences/utils/preferencesPath";

const root = createRoot(document.getElementById("root")!);
const accountSlug = bookingSlug(window.location.pathname);
const token = accountSlug === null ? preferencesToken(window.location.pathname) : null;

if (accountSlug !== null) {
  void import("./modules/booking/booking").then(({ mountBooking }) => mountBooking(root, accountSlug));
} else if (token !== null) {
  void import("./modules/preferences/preferences").then(({ mountPreferences }) => mountPreferences(root, token));
} else {
  void import("./staff").then(({ mountStaff }) => mountStaff(root));
}
