// "Download data (JSON)" on the profile (export:customers): everything stored about the customer,
// for a GDPR access request, as a plain link to the export endpoint.
import { useCan } from "../../session/hooks/useSession";
import { customerDataUrl } from "./exportLinks";

export function CustomerDataDownload({ id }: { id: string }) {
  if (!useCan("EXPORT_CUSTOMERS")) return null;
  return (
    <a className="button" href={customerDataUrl(id)} download>
      Download data (JSON)
    </a>
  );
}
