// Every path is served index.html. /book/<account slug> is the public booking page, which must
// not load the staff app: each is its own chunk, chosen here by the path.
import { createRoot } from "react-dom/client";
import { bookingSlug } from "./modules/booking/utils/bookingPath";

const root = createRoot(document.getElementById("root")!);
const accountSlug = bookingSlug(window.location.pathname);

if (accountSlug !== null) {
  void import("./modules/booking/booking").then(({ mountBooking }) => mountBooking(root, accountSlug));
} else {
  void import("./staff").then(({ mountStaff }) => mountStaff(root));
}
