// The business's own email domains (account-wide; people there are staff, never customers, in
// every calendar): the list, and for manage:settings "Remove", a domain to add, and the domains
// the calendars showed as organisers' (ownDomainSuggestions), each with "Add". Every change sends
// the whole list (accountSettingsUpdate); generic mail services are refused with a userError.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Field } from "../../../shared/components/Field";
import { ErrorState, Loading } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { useCan } from "../../session/hooks/useSession";
import { OwnDomainsQuery } from "../graphql/OwnDomainsQuery";
import { OwnDomainsUpdateMutation } from "../graphql/OwnDomainsUpdateMutation";
import { parseDomains } from "../utils/sourceForm";

export function OwnDomains() {
  const canEdit = useCan("MANAGE_SETTINGS");
  const [result, reexecute] = useQuery({ query: OwnDomainsQuery });
  const [{ fetching }, update] = useMutation(OwnDomainsUpdateMutation);
  const [typed, setTyped] = useState("");
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const account = result.data?.me?.account;
  const domains = account?.ownDomains ?? [];

  async function save(next: string[], message: string): Promise<boolean> {
    setFailure(null);
    setDone(null);
    const response = await update({ ownDomains: next });
    const payload = response.data?.accountSettingsUpdate;
    if (!payload) {
      setFailure(response.error ?? new Error("The server sent no answer."));
      return false;
    }
    setErrors(payload.userErrors);
    if (payload.userErrors.length) return false;
    setDone(message);
    return true;
  }

  async function addTyped(event: FormEvent) {
    event.preventDefault();
    const added = parseDomains(typed).filter((domain) => !domains.includes(domain));
    if (added.length === 0) {
      setDone(null);
      return setErrors([{ field: "ownDomains", message: typed.trim() ? "Already in the list." : "Enter a domain, such as praxis-weber.ch.", code: "INVALID" }]);
    }
    if (await save([...domains, ...added], `Added: ${added.join(", ")}.`)) setTyped("");
  }

  return (
    <section className="card own-domains" aria-labelledby="own-domains-title">
      <h2 id="own-domains-title" className="card__title">
        Your business's email domains
      </h2>
      <p className="card__hint">People at these addresses are staff, never customers, in every calendar.</p>
      {!account ? (
        result.error ? (
          <ErrorState title="The domains could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading domains…" />
        )
      ) : (
        <>
          {domains.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul className="domain-list" aria-label="Your email domains">
              {domains.map((domain) => (
                <li key={domain} className="domain-list__item">
                  <span className="domain-list__name">{domain}</span>
                  {canEdit && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={fetching}
                      onClick={() => save(domains.filter((other) => other !== domain), `Removed: ${domain}.`)}
                      aria-label={`Remove ${domain}`}
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canEdit && account.ownDomainSuggestions.length > 0 && (
            <div className="own-domains__suggestions">
              <h3 className="own-domains__subtitle">Seen as organisers in your calendars</h3>
              <ul className="domain-list" aria-label="Suggested domains">
                {account.ownDomainSuggestions.map((domain) => (
                  <li key={domain} className="domain-list__item">
                    <span className="domain-list__name">{domain}</span>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={fetching}
                      onClick={() => save([...domains, domain], `Added: ${domain}.`)}
                      aria-label={`Add ${domain}`}
                    >
                      Add
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canEdit && (
            <form className="form own-domains__add" onSubmit={addTyped} noValidate aria-label="Add an email domain">
              <Field label="Add a domain" hint="Such as praxis-weber.ch; not a mail service anyone can use (gmail.com, bluewin.ch…).">
                {(control) => <input {...control} name="ownDomain" autoComplete="off" inputMode="url" value={typed} onChange={(e) => setTyped(e.target.value)} />}
              </Field>
              <div className="form__actions">
                <button type="submit" className="button" disabled={fetching}>
                  Add domain
                </button>
              </div>
            </form>
          )}
          <UserErrorList errors={errors} title="The domains were not changed:" />
          {failure && <ErrorState title="The domains could not be saved." error={failure} />}
          <p aria-live="polite" className="muted">
            {done}
          </p>
        </>
      )}
    </section>
  );
}
