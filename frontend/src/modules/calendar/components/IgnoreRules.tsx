// The account's ignore rules (calendarIgnoreRules): events that name no customer and whose title
// contains the text are not appointments. "Remove" (manage:settings) deletes a rule; its events
// come back at the next sync.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { CalendarIgnoreRuleFieldsFragment } from "../../../gql/graphql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatDate } from "../../../shared/format/dates";
import { useCan } from "../../session/hooks/useSession";
import { CalendarIgnoreRuleDeleteMutation } from "../graphql/CalendarIgnoreRuleDeleteMutation";
import { CalendarIgnoreRulesQuery } from "../graphql/CalendarIgnoreRulesQuery";

export function IgnoreRules() {
  const canManage = useCan("MANAGE_SETTINGS");
  const [result, reexecute] = useQuery({ query: CalendarIgnoreRulesQuery });
  const [{ fetching }, remove] = useMutation(CalendarIgnoreRuleDeleteMutation);
  const [removing, setRemoving] = useState<string | null>(null);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const rules = result.data?.calendarIgnoreRules;

  async function removeRule(rule: CalendarIgnoreRuleFieldsFragment) {
    setFailure(null);
    setRemoving(rule.id);
    const response = await remove({ id: rule.id });
    setRemoving(null);
    const payload = response.data?.calendarIgnoreRuleDelete;
    if (!payload) return setFailure(response.error ?? new Error("The server sent no answer."));
    setErrors(payload.userErrors);
    if (payload.userErrors.length) return;
    setDone(`The rule “${rule.titleContains}” is removed: its events come back at the next sync.`);
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <section className="card" aria-labelledby="ignore-rules-title">
      <h2 id="ignore-rules-title" className="card__title">
        Ignored events {rules && <span className="muted">({rules.length})</span>}
      </h2>
      <p className="card__hint">
        Events that name no customer and whose title contains one of these texts (any case) do not become appointments. Removing a rule brings its
        events back at the next sync.
      </p>
      <p aria-live="polite" className="muted">
        {done}
      </p>
      {!rules ? (
        result.error ? (
          <ErrorState title="The ignore rules could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading ignore rules…" />
        )
      ) : rules.length === 0 ? (
        <EmptyState title="No events are ignored.">
          {canManage && <p className="muted">Use “Ignore events like this…” on an unmatched appointment.</p>}
        </EmptyState>
      ) : (
        <ul className="admin-list" aria-label="Ignore rules">
          {rules.map((rule) => (
            <li key={rule.id} className="admin-row">
              <span className="admin-row__name">Title contains “{rule.titleContains}”</span>
              <span className="admin-row__sub muted">Since {formatDate(rule.createdAt)}</span>
              {canManage && (
                <div className="admin-row__actions">
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={fetching}
                    onClick={() => removeRule(rule)}
                    aria-label={`Remove the rule “${rule.titleContains}”`}
                  >
                    {removing === rule.id ? "Removing…" : "Remove"}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <UserErrorList errors={errors} title="The rule was not removed:" />
      {failure && <ErrorState title="The rule could not be removed." error={failure} />}
    </section>
  );
}
