// Every signed-in user's own API tokens: list, create (the secret shown once), revoke.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { ApiTokenFieldsFragment, Permission } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { Field } from "../../../shared/components/Field";
import { PermissionChecklist } from "../../../shared/components/PermissionChecklist";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatDateTime } from "../../../shared/format/dates";
import { permissionScope, sortPermissions } from "../../../shared/format/permissions";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { useSession } from "../../session/hooks/useSession";
import { ApiTokenCreateMutation } from "../graphql/ApiTokenCreateMutation";
import { ApiTokenRevokeMutation } from "../graphql/ApiTokenRevokeMutation";
import { ApiTokensQuery } from "../graphql/ApiTokensQuery";
import { FormActions } from "../../../shared/components/FormActions";

export function ApiTokensPage() {
  const [result, reexecute] = useQuery({ query: ApiTokensQuery });
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const revoking = useConfirmedMutation(ApiTokenRevokeMutation, {
    variables: (token: ApiTokenFieldsFragment) => ({ id: token.id }),
    payload: (data) => data.apiTokenRevoke,
  });
  const tokens = result.data?.apiTokens;

  return (
    <section className="page" aria-labelledby="tokens-title">
      <div className="page__header">
        <h1 id="tokens-title">API tokens</h1>
      </div>
      <p className="page__intro">
        Tokens let an app or a partner use the API on your behalf: send one as <code>Authorization: Bearer …</code>. A
        token can never do more than your own role allows.
      </p>
      {secret && <NewSecret name={secret.name} token={secret.token} onDismiss={() => setSecret(null)} />}
      <CreateTokenForm onCreated={setSecret} />
      <section className="card" aria-labelledby="token-list-title">
        <h2 id="token-list-title" className="card__title">
          Your tokens
        </h2>
        {!tokens ? (
          result.error ? (
            <ErrorState title="The tokens could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
          ) : (
            <Loading label="Loading tokens…" />
          )
        ) : tokens.length === 0 ? (
          <EmptyState title="You have no API tokens yet." />
        ) : (
          <ul className="token-list" aria-label="API tokens">
            {tokens.map((token) => (
              <li key={token.id} className={`token${token.revokedAt ? " token--revoked" : ""}`}>
                <div className="token__main">
                  <span className="token__name">{token.name}</span> <code className="token__prefix">{token.prefix}…</code>{" "}
                  {token.revokedAt ? <span className="badge badge--failed">Revoked</span> : <span className="badge badge--sent">Active</span>}
                </div>
                <p className="token__permissions">{sortPermissions(token.permissions).map(permissionScope).join(", ") || "No permissions"}</p>
                <dl className="token__dates">
                  <dt>Created</dt>
                  <dd>{formatDateTime(token.createdAt)}</dd>
                  <dt>Last used</dt>
                  <dd>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</dd>
                  {token.revokedAt && (
                    <>
                      <dt>Revoked</dt>
                      <dd>{formatDateTime(token.revokedAt)}</dd>
                    </>
                  )}
                </dl>
                {!token.revokedAt && (
                  <button type="button" className="button button--small" aria-label={`Revoke ${token.name}`} onClick={() => revoking.ask(token)}>
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        confirmation={revoking}
        title="Revoke token?"
        label="Revoke token"
        busyLabel="Revoking…"
        failureTitle="The token could not be revoked."
      >
        <p>“{revoking.pending?.name}” stops working at once. Apps using it will be refused. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}

function NewSecret({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <section className="card secret" aria-labelledby="secret-title" role="status">
      <h2 id="secret-title" className="card__title">
        Token “{name}” created
      </h2>
      <p className="secret__warning">
        <strong>Copy it now: you will not see it again.</strong> Only a hash is stored; if you lose it, revoke it and
        create a new one.
      </p>
      <div className="secret__row">
        <code className="secret__value" aria-label="New token secret">
          {token}
        </code>
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            navigator.clipboard
              .writeText(token)
              .then(() => setCopied("yes"))
              .catch(() => setCopied("failed"))
          }
        >
          Copy
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying failed: select the text and copy it." : ""}
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (secret: { name: string; token: string }) => void }) {
  const session = useSession();
  const own = session?.me.permissions ?? [];
  const [name, setName] = useState("");
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, create] = useMutation(ApiTokenCreateMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!name.trim()) return setErrors([{ field: "name", message: "Give the token a name.", code: "REQUIRED" }]);
    const result = await create({ name: name.trim(), permissions });
    const payload = result.data?.apiTokenCreate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !payload.token) return setErrors(payload.userErrors);
    setErrors([]);
    setName("");
    setPermissions([]);
    onCreated({ name: payload.apiToken?.name ?? name, token: payload.token });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="new-token-title">
      <h2 id="new-token-title" className="card__title">
        New token
      </h2>
      <Field label="Name" hint="What it is for, e.g. “Booking widget”." error={fieldError(errors, "name")}>
        {(control) => <input {...control} name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <PermissionChecklist
        legend="Permissions (a subset of yours)"
        available={own}
        selected={permissions}
        onChange={setPermissions}
        error={fieldError(errors, "permissions")}
      />
      <UserErrorList errors={otherErrors(errors, ["name", "permissions"])} title="The token was not created:" />
      {failure && <ErrorState title="The token could not be created." error={failure} />}
      <FormActions busy={fetching} label="Create token" busyLabel="Creating…" />
    </form>
  );
}
