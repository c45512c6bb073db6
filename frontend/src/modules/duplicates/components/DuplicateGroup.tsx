// One group of possible duplicates: the score and reasons in words, the customers side by side
// (with edit:customers: which one to keep, and which one to merge into it when there are more
// than two), the differing fields with a choice each, "Merge…" (confirmed) and "Not the same
// person".
import { useId, useState } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import type { DuplicateCandidatesQuery, DuplicateCustomerFieldsFragment } from "../../../gql/graphql";
import { errorText } from "../../../shared/components/States";
import { formatCalendarDate } from "../../../shared/format/dates";
import { profilePath } from "../../customers/paths";
import { CandidateDismissMutation } from "../graphql/CandidateDismissMutation";
import { reasonText, scoreText } from "../utils/reasons";
import { MergeComparison } from "./MergeComparison";

type Group = DuplicateCandidatesQuery["duplicateCandidates"]["edges"][number]["node"];

export interface Merged {
  mergeId: string;
  keptId: string;
  keptName: string;
  mergedName: string;
}

export const nameOf = (customer: { displayName: string }) => customer.displayName || "(no name)";

function namesOf(customers: readonly { displayName: string }[]): string {
  const names = customers.map(nameOf);
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

interface Props {
  group: Group;
  canEdit: boolean;
  onMerged: (merged: Merged) => void;
  onDismissed: (names: string) => void;
}

export function DuplicateGroup({ group, canEdit, onMerged, onDismissed }: Props) {
  const titleId = useId();
  const { customers } = group;
  const [keepId, setKeepId] = useState(customers[0]?.id ?? "");
  const others = customers.filter((c) => c.id !== keepId);
  const [chosenMergeId, setMergeId] = useState(customers[1]?.id ?? "");
  const mergeId = others.some((c) => c.id === chosenMergeId) ? chosenMergeId : (others[0]?.id ?? "");
  const [comparing, setComparing] = useState(false);
  const [dismissState, dismiss] = useMutation(CandidateDismissMutation);
  const [dismissError, setDismissError] = useState<string | null>(null);
  const names = namesOf(customers);
  const keep = customers.find((c) => c.id === keepId);
  const merge = customers.find((c) => c.id === mergeId);

  async function notTheSame() {
    setDismissError(null);
    const result = await dismiss({ customerIds: customers.map((c) => c.id) });
    const payload = result.data?.candidateDismiss;
    if (!payload) return setDismissError(result.error ? errorText(result.error) : "The server sent no answer.");
    if (payload.userErrors.length) return setDismissError(payload.userErrors.map((e) => e.message).join(" "));
    onDismissed(names);
  }

  return (
    <article className="card duplicate" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {names}
      </h2>
      <p className="duplicate__score">{scoreText(group.score)}</p>
      <ul className="duplicate__reasons" aria-label="Why they may be one person">
        {group.reasons.map((reason) => (
          <li key={reason}>{reasonText(reason)}</li>
        ))}
      </ul>
      <div className="duplicate__customers" role="group" aria-label="Customers side by side">
        {customers.map((customer) => (
          <CustomerCard
            key={customer.id}
            customer={customer}
            groupId={group.id}
            canEdit={canEdit}
            kept={customer.id === keepId}
            onKeep={() => {
              setKeepId(customer.id);
              setComparing(false);
            }}
          />
        ))}
      </div>
      {canEdit && customers.length > 2 && (
        <div className="field">
          <label className="field__label" htmlFor={`${titleId}-merge`}>
            Merge into {keep ? nameOf(keep) : "the kept profile"}
          </label>
          <select
            id={`${titleId}-merge`}
            value={mergeId}
            onChange={(event) => {
              setMergeId(event.target.value);
              setComparing(false);
            }}
          >
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {nameOf(c)}
                {c.email ? ` (${c.email})` : ""}
              </option>
            ))}
          </select>
        </div>
      )}
      {canEdit && (
        <div className="duplicate__actions">
          {!comparing && (
            <button type="button" className="button button--primary" onClick={() => setComparing(true)} disabled={!keep || !merge}>
              Compare and merge…
            </button>
          )}
          <button type="button" className="button" onClick={notTheSame} disabled={dismissState.fetching}>
            {dismissState.fetching ? "Saving…" : "Not the same person"}
          </button>
        </div>
      )}
      {dismissError && (
        <p className="field__error" role="alert">
          Could not mark them as different people: {dismissError}
        </p>
      )}
      {canEdit && comparing && keep && merge && (
        <MergeComparison key={`${keep.id}/${merge.id}`} keep={keep} merge={merge} onCancel={() => setComparing(false)} onMerged={onMerged} />
      )}
    </article>
  );
}

function CustomerCard({
  customer,
  groupId,
  canEdit,
  kept,
  onKeep,
}: {
  customer: DuplicateCustomerFieldsFragment;
  groupId: string;
  canEdit: boolean;
  kept: boolean;
  onKeep: () => void;
}) {
  const count = customer.appointments.totalCount;
  return (
    <section className={`duplicate__customer${kept && canEdit ? " duplicate__customer--kept" : ""}`} aria-label={nameOf(customer)}>
      <h3 className="duplicate__name">
        <Link to={profilePath(customer.id)}>{nameOf(customer)}</Link>
      </h3>
      <dl className="details">
        <dt>Email</dt>
        <dd>{customer.email || "—"}</dd>
        <dt>Mobile</dt>
        <dd>{customer.mobilePhoneDisplay || "—"}</dd>
        <dt>Landline</dt>
        <dd>{customer.landlinePhoneDisplay || "—"}</dd>
        <dt>Born</dt>
        <dd>{customer.dateOfBirth ? formatCalendarDate(customer.dateOfBirth) : "—"}</dd>
        <dt>Company</dt>
        <dd>{customer.company || "—"}</dd>
        <dt>Appointments</dt>
        <dd>{count}</dd>
      </dl>
      {canEdit && (
        <label className="duplicate__keep">
          <input type="radio" name={`keep-${groupId}`} checked={kept} onChange={onKeep} /> Keep this profile
        </label>
      )}
    </section>
  );
}
