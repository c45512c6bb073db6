// The API's userErrors, grouped by the input field they name (as the API spells it:
// "mobilePhone", "address.city", "customFields.<key>"), so each form control shows its own.
import type { CustomerErrorFieldsFragment } from "../../../gql/graphql";

export type UserError = CustomerErrorFieldsFragment;

export interface GroupedErrors {
  byField: Record<string, UserError[]>;
  /** Errors without a field, or for a field the form does not show. */
  general: UserError[];
}

export const NO_ERRORS: GroupedErrors = { byField: {}, general: [] };

export function groupUserErrors(
  errors: readonly UserError[],
  shownFields: (field: string) => boolean,
): GroupedErrors {
  const grouped: GroupedErrors = { byField: {}, general: [] };
  for (const error of errors) {
    if (error.field && shownFields(error.field)) {
      (grouped.byField[error.field] ??= []).push(error);
    } else {
      grouped.general.push(error);
    }
  }
  return grouped;
}

export function hasErrors(grouped: GroupedErrors): boolean {
  return grouped.general.length > 0 || Object.keys(grouped.byField).length > 0;
}
