// Staff users and roles (manage:users): add users, change role / active / password, and
// custom roles with permission checkboxes. Built-in roles are read only.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { Permission, RoleFieldsFragment, StaffUserFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { Dialog } from "../../../shared/components/Dialog";
import { CheckboxField, Field } from "../../../shared/components/Field";
import { PermissionChecklist } from "../../../shared/components/PermissionChecklist";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatDateTime } from "../../../shared/format/dates";
import { permissionScope, sortPermissions } from "../../../shared/format/permissions";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { RoleCreateMutation } from "../graphql/RoleCreateMutation";
import { RoleDeleteMutation } from "../graphql/RoleDeleteMutation";
import { RoleUpdateMutation } from "../graphql/RoleUpdateMutation";
import { UserCreateMutation } from "../graphql/UserCreateMutation";
import { UserUpdateMutation } from "../graphql/UserUpdateMutation";
import { UsersAndRolesQuery } from "../graphql/UsersAndRolesQuery";
import { FormActions } from "../../../shared/components/FormActions";

export const MIN_PASSWORD = 10;

type Open =
  | { kind: "addUser" }
  | { kind: "editUser"; user: StaffUserFieldsFragment }
  | { kind: "addRole" }
  | { kind: "editRole"; role: RoleFieldsFragment }
  | null;

export function UsersAndRolesPage() {
  const [result, reexecute] = useQuery({ query: UsersAndRolesQuery });
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const deletingRole = useConfirmedMutation(RoleDeleteMutation, {
    variables: (role: RoleFieldsFragment) => ({ id: role.id }),
    payload: (data) => data.roleDelete,
  });
  const data = result.data;

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page__header">
        <h1 id="users-title">Users &amp; roles</h1>
      </div>
      {!data ? (
        result.error ? (
          <ErrorState title="Users and roles could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading users and roles…" />
        )
      ) : (
        <>
          <section className="card" aria-labelledby="user-list-title">
            <div className="card__header">
              <h2 id="user-list-title" className="card__title">
                Users
              </h2>
              <button type="button" className="button button--primary" onClick={() => setOpen({ kind: "addUser" })}>
                Add user
              </button>
            </div>
            {data.users.length === 0 ? (
              <EmptyState title="No users." />
            ) : (
              <ul className="admin-list" aria-label="Users">
                {data.users.map((user) => (
                  <li key={user.id} className="admin-row">
                    <div className="admin-row__main">
                      <span className="admin-row__name">{user.name}</span>{" "}
                      {user.isActive ? <span className="badge badge--sent">Active</span> : <span className="badge badge--failed">Deactivated</span>}
                      <p className="admin-row__sub">{user.email}</p>
                    </div>
                    <dl className="admin-row__facts">
                      <dt>Role</dt>
                      <dd>{user.role.name}</dd>
                      <dt>Last sign-in</dt>
                      <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"}</dd>
                    </dl>
                    <button type="button" className="button button--small" aria-label={`Edit ${user.name}`} onClick={() => setOpen({ kind: "editUser", user })}>
                      Edit
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="role-list-title">
            <div className="card__header">
              <h2 id="role-list-title" className="card__title">
                Roles
              </h2>
              <button type="button" className="button button--primary" onClick={() => setOpen({ kind: "addRole" })}>
                Add role
              </button>
            </div>
            <ul className="admin-list" aria-label="Roles">
              {data.roles.map((role) => (
                <li key={role.id} className="admin-row">
                  <div className="admin-row__main">
                    <span className="admin-row__name">{role.name}</span>{" "}
                    {role.builtin && <span className="badge">Built-in, read only</span>}
                    <p className="admin-row__sub">{sortPermissions(role.permissions).map(permissionScope).join(", ") || "No permissions"}</p>
                  </div>
                  {!role.builtin && (
                    <div className="admin-row__actions">
                      <button type="button" className="button button--small" aria-label={`Edit role ${role.name}`} onClick={() => setOpen({ kind: "editRole", role })}>
                        Edit
                      </button>
                      <button type="button" className="button button--small" aria-label={`Delete role ${role.name}`} onClick={() => deletingRole.ask(role)}>
                        Delete
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>

          {open?.kind === "addUser" && <AddUserDialog roles={data.roles} onClose={close} />}
          {open?.kind === "editUser" && <EditUserDialog user={open.user} roles={data.roles} onClose={close} />}
          {(open?.kind === "addRole" || open?.kind === "editRole") && (
            <RoleDialog role={open.kind === "editRole" ? open.role : null} onClose={close} />
          )}
          <ConfirmDialog
            confirmation={deletingRole}
            title={`Delete role ${deletingRole.pending?.name}?`}
            label="Delete role"
            busyLabel="Deleting…"
            errorsTitle="The role was not deleted:"
            failureTitle="The role could not be deleted."
          >
            <p>Only a role that no user has can be deleted.</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

function RoleSelect({ roles, value, onChange, error }: { roles: readonly RoleFieldsFragment[]; value: string; onChange: (id: string) => void; error?: string }) {
  return (
    <Field label="Role" error={error}>
      {(control) => (
        <select {...control} name="role" value={value} onChange={(e) => onChange(e.target.value)}>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}


function AddUserDialog({ roles, onClose }: { roles: readonly RoleFieldsFragment[]; onClose: () => void }) {
  const [values, setValues] = useState({ email: "", name: "", password: "", roleId: roles.find((r) => r.name === "staff")?.id ?? roles[0]?.id ?? "" });
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, create] = useMutation(UserCreateMutation);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const local: SimpleUserError[] = [];
    if (!values.email.trim()) local.push({ field: "email", message: "Enter the login email.", code: "REQUIRED" });
    if (!values.name.trim()) local.push({ field: "name", message: "Enter a name.", code: "REQUIRED" });
    if (values.password.length < MIN_PASSWORD) local.push({ field: "password", message: `At least ${MIN_PASSWORD} characters.`, code: "TOO_SHORT" });
    if (local.length) return setErrors(local);
    const result = await create({ input: { email: values.email.trim(), name: values.name.trim(), password: values.password, roleId: values.roleId } });
    const payload = result.data?.userCreate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    onClose();
  }

  return (
    <Dialog open title="Add user" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Email" error={fieldError(errors, "email")}>
          {(control) => <input {...control} name="email" type="email" autoComplete="off" data-autofocus value={values.email} onChange={set("email")} />}
        </Field>
        <Field label="Name" error={fieldError(errors, "name")}>
          {(control) => <input {...control} name="name" autoComplete="off" value={values.name} onChange={set("name")} />}
        </Field>
        <Field label="Initial password" hint={`At least ${MIN_PASSWORD} characters; tell it to the user.`} error={fieldError(errors, "password")}>
          {(control) => <input {...control} name="password" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} />}
        </Field>
        <RoleSelect roles={roles} value={values.roleId} onChange={(roleId) => setValues((v) => ({ ...v, roleId }))} error={fieldError(errors, "roleId")} />
        <UserErrorList errors={otherErrors(errors, ["email", "name", "password", "roleId"])} title="The user was not added:" />
        {failure && <ErrorState title="The user could not be added." error={failure} />}
        <FormActions onCancel={onClose} busy={fetching} label="Add user" busyLabel="Adding…" />
      </form>
    </Dialog>
  );
}

function EditUserDialog({ user, roles, onClose }: { user: StaffUserFieldsFragment; roles: readonly RoleFieldsFragment[]; onClose: () => void }) {
  const [name, setName] = useState(user.name);
  const [roleId, setRoleId] = useState(user.role.id);
  const [active, setActive] = useState(user.isActive);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, update] = useMutation(UserUpdateMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (password && password.length < MIN_PASSWORD) {
      return setErrors([{ field: "password", message: `At least ${MIN_PASSWORD} characters.`, code: "TOO_SHORT" }]);
    }
    const input = {
      ...(name.trim() !== user.name ? { name: name.trim() } : {}),
      ...(roleId !== user.role.id ? { roleId } : {}),
      ...(active !== user.isActive ? { isActive: active } : {}),
      ...(password ? { password } : {}),
    };
    if (Object.keys(input).length === 0) return onClose();
    const result = await update({ id: user.id, input });
    const payload = result.data?.userUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    onClose();
  }

  return (
    <Dialog open title={`Edit ${user.name}`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{user.email}</p>
        <Field label="Name" error={fieldError(errors, "name")}>
          {(control) => <input {...control} name="name" autoComplete="off" data-autofocus value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <RoleSelect roles={roles} value={roleId} onChange={setRoleId} error={fieldError(errors, "roleId")} />
        <CheckboxField label="Active (may sign in)" name="isActive" checked={active} onChange={setActive} error={fieldError(errors, "isActive")} />
        <Field label="New password" hint={`Leave empty to keep it. At least ${MIN_PASSWORD} characters; ends the user's sessions.`} error={fieldError(errors, "password")}>
          {(control) => <input {...control} name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <UserErrorList errors={otherErrors(errors, ["name", "roleId", "isActive", "password"])} title="Nothing was changed:" />
        {failure && <ErrorState title="The user could not be changed." error={failure} />}
        <FormActions onCancel={onClose} busy={fetching} label="Save" busyLabel="Saving…" />
      </form>
    </Dialog>
  );
}

function RoleDialog({ role, onClose }: { role: RoleFieldsFragment | null; onClose: () => void }) {
  const [name, setName] = useState(role?.name ?? "");
  const [permissions, setPermissions] = useState<Permission[]>(role ? sortPermissions(role.permissions) : ["READ_CUSTOMERS"]);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching: creating }, create] = useMutation(RoleCreateMutation);
  const [{ fetching: updating }, update] = useMutation(RoleUpdateMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!name.trim()) return setErrors([{ field: "name", message: "Give the role a name.", code: "REQUIRED" }]);
    const result = role
      ? await update({ id: role.id, name: name.trim(), permissions })
      : await create({ name: name.trim(), permissions });
    const payload = result.data && ("roleUpdate" in result.data ? result.data.roleUpdate : result.data.roleCreate);
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    onClose();
  }

  return (
    <Dialog open title={role ? `Edit role ${role.name}` : "Add role"} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Role name" error={fieldError(errors, "name")}>
          {(control) => <input {...control} name="name" autoComplete="off" data-autofocus value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <PermissionChecklist legend="Permissions" selected={permissions} onChange={setPermissions} error={fieldError(errors, "permissions")} />
        <UserErrorList errors={otherErrors(errors, ["name", "permissions"])} title="The role was not saved:" />
        {failure && <ErrorState title="The role could not be saved." error={failure} />}
        <FormActions onCancel={onClose} busy={creating || updating} label={role ? "Save role" : "Add role"} busyLabel="Saving…" />
      </form>
    </Dialog>
  );
}
