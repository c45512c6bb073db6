// Which channels a message to a customer can use, by the rules the server checks when it queues
// one (communication not BLOCKED; the channel switched on and with an address).
import type { CommunicationStatus, Medium } from "../../../gql/graphql";

export interface Reachable {
  communicationStatus: CommunicationStatus;
  email: string | null;
  emailEnabled: boolean;
  mobilePhone: string | null;
  smsEnabled: boolean;
  preferredMedium: Medium | null;
}

export const MEDIUMS: readonly Medium[] = ["EMAIL", "SMS"];

/** Why `medium` cannot be used for this customer, or null when it can. */
export function channelProblem(customer: Reachable, medium: Medium): string | null {
  if (medium === "EMAIL") {
    if (!customer.emailEnabled) return "Email is switched off for this customer.";
    if (!customer.email) return "The customer has no email address.";
  } else {
    if (!customer.smsEnabled) return "SMS is switched off for this customer.";
    if (!customer.mobilePhone) return "The customer has no mobile phone number.";
  }
  return null;
}

/** Why no message can be sent to the customer at all, or null. */
export function sendBlockedReason(customer: Reachable): string | null {
  if (customer.communicationStatus === "BLOCKED") return "Communication with this customer is blocked: nothing can be sent.";
  if (MEDIUMS.every((medium) => channelProblem(customer, medium))) {
    return "Neither email nor SMS can be used: each is switched off or has no address.";
  }
  return null;
}

/** The channel a new message starts with: the preferred one if usable, else the other one. */
export function defaultMedium(customer: Reachable): Medium {
  const preferred = customer.preferredMedium ?? "EMAIL";
  if (!channelProblem(customer, preferred)) return preferred;
  return MEDIUMS.find((medium) => !channelProblem(customer, medium)) ?? preferred;
}
