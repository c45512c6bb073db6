// The duplicate reasons and a merge's differing fields in words.
import type { DuplicateReason } from "../../../gql/graphql";
import { fieldLabel, formatJsonValue } from "../../history/utils/formatChange";

export const REASON_TEXT: Record<DuplicateReason, string> = {
  SAME_PHONE: "They share a phone number (written differently perhaps).",
  SAME_EMAIL_NORMALISED: "Their email addresses reach the same mailbox.",
  SAME_NAME_AND_BIRTHDAY: "Same name and the same date of birth.",
  SAME_NAME_AND_COMPANY: "Same name and the same company.",
  SAME_NAME_AND_PHONE: "Same name and a phone number in common.",
};

export function reasonText(reason: DuplicateReason): string {
  return REASON_TEXT[reason] ?? reason;
}

/** How likely they are one person, in words, from the 0–100 score. */
export function scoreText(score: number): string {
  if (score >= 80) return `Very likely the same person (score ${score} of 100)`;
  if (score >= 50) return `Possibly the same person (score ${score} of 100)`;
  return `Perhaps the same person (score ${score} of 100)`;
}

const FIELD_TEXT: Record<string, string> = {
  email: "Email",
  mobilePhone: "Mobile phone",
  landlinePhone: "Landline phone",
  dateOfBirth: "Date of birth",
  communicationStatus: "Communication",
  emailEnabled: "Email notifications",
  smsEnabled: "Text messages",
  preferredLanguage: "Language",
  preferredMedium: "Preferred channel",
};

/** A merge field (`firstName`, `address.city`, `customFields.vip`) as a label. */
export function mergeFieldLabel(field: string): string {
  return FIELD_TEXT[field] ?? fieldLabel(field);
}

export const mergeValueText = formatJsonValue;
