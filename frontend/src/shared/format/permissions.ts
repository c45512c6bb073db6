// The API's permissions in the words staff read (the API's own scope names beside them).
import type { Permission } from "../../gql/graphql";

export const PERMISSIONS: readonly { value: Permission; label: string; scope: string }[] = [
  { value: "READ_CUSTOMERS", label: "See customers", scope: "read:customers" },
  { value: "ADD_CUSTOMERS", label: "Add customers and bookings", scope: "add:customers" },
  { value: "EDIT_CUSTOMERS", label: "Edit customers", scope: "edit:customers" },
  { value: "DELETE_CUSTOMERS", label: "Delete customers", scope: "delete:customers" },
  { value: "EDIT_BLOCKED_CUSTOMERS", label: "Block customers, manage block rules", scope: "edit:blocked-customers" },
  { value: "IMPORT_CUSTOMERS", label: "Import customers", scope: "import:customers" },
  { value: "EXPORT_CUSTOMERS", label: "Export customers", scope: "export:customers" },
  { value: "MANAGE_SETTINGS", label: "Manage settings", scope: "manage:settings" },
  { value: "MANAGE_USERS", label: "Manage users and roles", scope: "manage:users" },
];

/** "read:customers" for READ_CUSTOMERS; the enum name for one this list does not know yet. */
export function permissionScope(permission: Permission): string {
  return PERMISSIONS.find((entry) => entry.value === permission)?.scope ?? permission;
}

/** Permissions in the list's order (the API's order may differ). */
export function sortPermissions(permissions: readonly Permission[]): Permission[] {
  const order = (p: Permission) => {
    const index = PERMISSIONS.findIndex((entry) => entry.value === p);
    return index === -1 ? PERMISSIONS.length : index;
  };
  return [...permissions].sort((a, b) => order(a) - order(b));
}
