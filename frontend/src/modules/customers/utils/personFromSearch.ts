// "Add this person" after a search that found nobody: the search text read as a person. An email
// address and a phone number are picked out wherever they are; the remaining words are the name
// ("Anna Maria Müller" → first "Anna Maria", last "Müller"; "Müller, Anna" → first "Anna", last
// "Müller"; one word → the last name, as people mostly search by surname).
import type { NewCustomerValues } from "./customerForm";

const EMAIL = /[^\s,;<>]+@[^\s,;<>]+\.[^\s,;<>]+/;
/** A run of digits with the usual separators, at least 6 digits in all. */
const PHONE = /(?:\+|00)?\d[\d\s/().-]{4,}\d/;

export function personFromSearch(text: string): NewCustomerValues {
  let rest = ` ${text} `;
  let email = "";
  let mobilePhone = "";
  const emailMatch = rest.match(EMAIL);
  if (emailMatch) {
    email = emailMatch[0].toLowerCase();
    rest = rest.replace(emailMatch[0], " ");
  }
  const phoneMatch = rest.match(PHONE);
  if (phoneMatch && phoneMatch[0].replace(/\D/g, "").length >= 6) {
    mobilePhone = phoneMatch[0].trim();
    rest = rest.replace(phoneMatch[0], " ");
  }
  const name = rest.replace(/\s+/g, " ").trim();
  let firstName = "";
  let lastName = "";
  if (name.includes(",")) {
    const [last, ...first] = name.split(",");
    lastName = last.trim();
    firstName = first.join(" ").trim();
  } else {
    const words = name.split(" ").filter(Boolean);
    if (words.length === 1) lastName = words[0];
    else if (words.length > 1) {
      lastName = words[words.length - 1];
      firstName = words.slice(0, -1).join(" ");
    }
  }
  return { firstName, lastName, email, mobilePhone };
}
