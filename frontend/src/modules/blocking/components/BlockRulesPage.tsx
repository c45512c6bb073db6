// Block rules (read:customers sees them; edit:blocked-customers adds and deletes), the log of
// refused online bookings, and the message blocked customers see (manage:settings changes it).
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { BlockKind, BlockRuleFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { Field } from "../../../shared/components/Field";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatDateTime } from "../../../shared/format/dates";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { useCan, useSession } from "../../session/hooks/useSession";
import { AccountSettingsUpdateMutation } from "../graphql/AccountSettingsUpdateMutation";
import { BlockedBookingAttemptsQuery } from "../graphql/BlockedBookingAttemptsQuery";
import { BlockRuleCreateMutation } from "../graphql/BlockRuleCreateMutation";
import { BlockRuleDeleteMutation } from "../graphql/BlockRuleDeleteMutation";
import { BlockRulesQuery } from "../graphql/BlockRulesQuery";
import { BLOCK_KINDS, kindLabel } from "../utils/kinds";
import { BlockRuleTable } from "./BlockRuleTable";
import { FormActions } from "../../../shared/components/FormActions";

export const ATTEMPTS_PAGE = 20;

export function BlockRulesPage() {
  const canEdit = useCan("EDIT_BLOCKED_CUSTOMERS");
  const canSettings = useCan("MANAGE_SETTINGS");
  const [result, reexecute] = useQuery({ query: BlockRulesQuery });
  const deleting = useConfirmedMutation(BlockRuleDeleteMutation, {
    variables: (rule: BlockRuleFieldsFragment) => ({ id: rule.id }),
    payload: (data) => data.blockRuleDelete,
  });
  const rules = result.data?.blockRules;

  return (
    <section className="page" aria-labelledby="rules-title">
      <div className="page__header">
        <h1 id="rules-title">Block rules</h1>
      </div>
      <p className="page__intro">
        People matching a rule cannot book online; staff can still book them. Rules match an email, a phone, a full
        name, every address at an email domain, or an IP address or network.
      </p>
      {canEdit && <AddRuleForm />}
      <section className="card" aria-labelledby="rule-list-title">
        <h2 id="rule-list-title" className="card__title">
          Rules {rules && <span className="muted">({rules.length})</span>}
        </h2>
        {!rules ? (
          result.error ? (
            <ErrorState title="The block rules could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
          ) : (
            <Loading label="Loading block rules…" />
          )
        ) : rules.length === 0 ? (
          <EmptyState title="No block rules." />
        ) : (
          <BlockRuleTable rules={rules} label="Block rules" onDelete={canEdit ? deleting.ask : undefined} />
        )}
      </section>
      {canEdit && canSettings && <BlockedMessageEditor />}
      {canEdit && <AttemptLog />}
      <ConfirmDialog
        confirmation={deleting}
        title="Delete block rule?"
        label="Delete rule"
        busyLabel="Deleting…"
        errorsTitle="The rule was not deleted:"
        failureTitle="The rule could not be deleted."
      >
        <p>
          {deleting.pending && `${kindLabel(deleting.pending.kind)} ${deleting.pending.value}`}: people it matched can
          book online again (unless another rule matches them).
        </p>
      </ConfirmDialog>
    </section>
  );
}

function AddRuleForm() {
  const [kind, setKind] = useState<BlockKind>("EMAIL");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(BlockRuleCreateMutation);
  const hint = BLOCK_KINDS.find((entry) => entry.value === kind)?.hint;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setAdded(null);
    if (!value.trim()) return setErrors([{ field: "value", message: "Enter what the rule matches.", code: "REQUIRED" }]);
    const result = await create({ kind, value: value.trim(), reason: reason.trim() });
    const payload = result.data?.blockRuleCreate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    setErrors([]);
    setAdded(`${kindLabel(kind)} ${payload.blockRules[0]?.value ?? value.trim()}`);
    setValue("");
    setReason("");
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="add-rule-title">
      <h2 id="add-rule-title" className="card__title">
        Add a rule
      </h2>
      <div className="form__row form__row--3">
        <Field label="Kind" error={fieldError(errors, "kind")}>
          {(control) => (
            <select {...control} name="kind" value={kind} onChange={(e) => setKind(e.target.value as BlockKind)}>
              {BLOCK_KINDS.map((entry) => (
                <option key={entry.value} value={entry.value}>
                  {entry.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Value" hint={hint && `For example ${hint}`} error={fieldError(errors, "value")}>
          {(control) => <input {...control} name="value" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field label="Reason" hint="Staff only." error={fieldError(errors, "reason")}>
          {(control) => <input {...control} name="reason" autoComplete="off" value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <UserErrorList errors={otherErrors(errors, ["kind", "value", "reason"])} title="The rule was not added:" />
      {failure && <ErrorState title="The rule could not be added." error={failure} />}
      <p aria-live="polite" className="muted">
        {added && `Rule added: ${added}.`}
      </p>
      <FormActions busy={fetching} label="Add rule" busyLabel="Adding…" />
    </form>
  );
}

function BlockedMessageEditor() {
  const session = useSession();
  const current = session?.me.account.bookingBlockedMessage ?? "";
  const [message, setMessage] = useState(current);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(AccountSettingsUpdateMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    if (!message.trim()) return setErrors([{ field: "bookingBlockedMessage", message: "The message cannot be empty.", code: "REQUIRED" }]);
    const result = await save({ bookingBlockedMessage: message.trim() });
    const payload = result.data?.accountSettingsUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    setErrors([]);
    setSaved(true);
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="message-title">
      <h2 id="message-title" className="card__title">
        Message for blocked customers
      </h2>
      <Field label="Message" hint="Shown when a blocked person tries to book online (up to 1000 characters)." error={fieldError(errors, "bookingBlockedMessage")}>
        {(control) => (
          <textarea {...control} name="bookingBlockedMessage" rows={3} maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
        )}
      </Field>
      <UserErrorList errors={otherErrors(errors, ["bookingBlockedMessage"])} title="The message was not saved:" />
      {failure && <ErrorState title="The message could not be saved." error={failure} />}
      <p aria-live="polite" className="muted">
        {saved && "Message saved."}
      </p>
      <FormActions busy={fetching} label="Save message" />
    </form>
  );
}

function AttemptLog() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section className="card" aria-labelledby="attempts-title">
      <h2 id="attempts-title" className="card__title">
        Refused online bookings
      </h2>
      {cursors.map((after, index) => (
        <AttemptPage
          key={after ?? "first"}
          after={after}
          first={index === 0}
          isLast={index === cursors.length - 1}
          onMore={(next) => setCursors((current) => [...current, next])}
        />
      ))}
    </section>
  );
}

function AttemptPage({ after, first, isLast, onMore }: { after: string | null; first: boolean; isLast: boolean; onMore: (cursor: string) => void }) {
  const [result, reexecute] = useQuery({ query: BlockedBookingAttemptsQuery, variables: { first: ATTEMPTS_PAGE, after } });
  const page = result.data?.blockedBookingAttempts;
  if (!page) {
    return result.error ? (
      <ErrorState title="Refused bookings could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
    ) : (
      <Loading label="Loading refused bookings…" />
    );
  }
  if (first && page.totalCount === 0) return <EmptyState title="No online booking has been refused." />;
  return (
    <>
      {first && <p className="muted">{page.totalCount} refused, newest first.</p>}
      <ul className="attempt-list" aria-label={first ? "Refused online bookings" : "More refused online bookings"}>
        {page.edges.map(({ node }) => (
          <li key={node.id} className="attempt">
            <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
            <span>{[node.name, node.email, node.phone].filter(Boolean).join(" · ") || "No details"}</span>
            {node.ip && <span className="muted">IP {node.ip}</span>}
          </li>
        ))}
      </ul>
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <button type="button" className="button" onClick={() => onMore(page.pageInfo.endCursor!)}>
          Show more
        </button>
      )}
    </>
  );
}
