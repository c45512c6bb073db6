// A customer's message preferences, /preferences/<token> (the link in every message): no
// sign-in, none of the staff app's code. The customer chooses the channel tried first and the
// language, switches email or SMS off, and corrects the address or mobile number; only what
// changed is sent. A changed or unknown link, and an old one, get a page of their own.
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import type { Medium, PreferencesQuery } from "../../../gql/graphql";
import { CheckboxField, Field } from "../../../shared/components/Field";
import { ErrorState, Loading } from "../../../shared/components/States";
import { PreferencesDocument, PreferencesUpdateDocument } from "../graphql/documents";
import "./preferences.css";

type Preferences = NonNullable<PreferencesQuery["preferences"]>;
type Refusal = "INVALID_LINK" | "LINK_EXPIRED";

interface Problem {
  field: string | null;
  message: string;
  code?: string;
}

export interface PreferenceValues {
  preferredMedium: Medium;
  preferredLanguage: string;
  emailEnabled: boolean;
  smsEnabled: boolean;
  email: string;
  mobilePhone: string;
}

const FIELDS = ["preferredMedium", "preferredLanguage", "emailEnabled", "smsEnabled", "email", "mobilePhone"] as const;

export function valuesOf(preferences: Preferences): PreferenceValues {
  return {
    preferredMedium: preferences.preferredMedium ?? "EMAIL",
    preferredLanguage: preferences.preferredLanguage ?? "",
    emailEnabled: preferences.emailEnabled,
    smsEnabled: preferences.smsEnabled,
    email: preferences.email ?? "",
    mobilePhone: preferences.mobilePhone ?? "",
  };
}

/** What the customer changed (only that is sent), or the problems the page finds itself. */
export function changesOf(saved: PreferenceValues, values: PreferenceValues): { input: Partial<PreferenceValues> } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const input: Partial<PreferenceValues> = {};
  for (const field of FIELDS) {
    const value = typeof values[field] === "string" ? (values[field] as string).trim() : values[field];
    if (value === saved[field]) continue;
    if (value === "") {
      if (field === "email") problems.push({ field, message: "An email address cannot be removed here. To get no emails, switch them off above." });
      else if (field === "mobilePhone") problems.push({ field, message: "A mobile number cannot be removed here. To get no SMS, switch them off above." });
      continue; // an unchosen language stays unchosen
    }
    Object.assign(input, { [field]: value });
  }
  return problems.length ? { problems } : { input };
}

/** A language in its own words (de → Deutsch), capitalised. */
export function ownLanguageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

function refusalOf(error: CombinedError | undefined): Refusal | null {
  const code = error?.graphQLErrors.find((e) => e.extensions?.code)?.extensions?.code;
  return code === "INVALID_LINK" || code === "LINK_EXPIRED" ? code : null;
}

export function PreferencesPage({ token }: { token: string }) {
  const [result, refetch] = useQuery({ query: PreferencesDocument, variables: { token } });
  const [refused, setRefused] = useState<Refusal | null>(null);
  const refusal = refused ?? refusalOf(result.error);
  const preferences = result.data?.preferences;
  let content: ReactNode;
  if (refusal) content = <LinkRefused refusal={refusal} />;
  else if (preferences) content = <PreferencesForm token={token} loaded={preferences} onRefused={setRefused} />;
  else if (result.error) {
    content = (
      <>
        <h1 className="preferences__title">Message preferences</h1>
        <ErrorState title="Your preferences could not be loaded." error={result.error} onRetry={() => refetch({ requestPolicy: "network-only" })} />
      </>
    );
  } else content = <Loading label="Loading your preferences…" />;
  return (
    <main id="main" className="preferences">
      <div className="preferences__card card">{content}</div>
    </main>
  );
}

function LinkRefused({ refusal }: { refusal: Refusal }) {
  return (
    <div className="preferences__refused" role="alert">
      {refusal === "LINK_EXPIRED" ? (
        <>
          <h1 className="preferences__title">This link has expired</h1>
          <p>For your security, links to your message preferences work for 180 days. The next message you get has a new link.</p>
        </>
      ) : (
        <>
          <h1 className="preferences__title">This link does not work</h1>
          <p>
            It may have been changed or cut off when it was copied. Please open the link from your latest message again, or
            contact the business that sent it.
          </p>
        </>
      )}
    </div>
  );
}

function PreferencesForm({ token, loaded, onRefused }: { token: string; loaded: Preferences; onRefused: (refusal: Refusal) => void }) {
  const mediumName = useId();
  const [current, setCurrent] = useState(loaded);
  const saved = valuesOf(current);
  const [values, setValues] = useState<PreferenceValues>(saved);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [notice, setNotice] = useState("");
  const [{ fetching }, update] = useMutation(PreferencesUpdateDocument);

  const change = (next: Partial<PreferenceValues>) => {
    setNotice("");
    setValues((old) => ({ ...old, ...next }));
  };
  const at = (field: string): string | undefined =>
    problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(" ") || undefined;
  const other = problems.filter((problem) => !problem.field || !(FIELDS as readonly string[]).includes(problem.field));
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.preferences [aria-invalid="true"]')?.focus());

  const languages = [...current.languages];
  if (current.preferredLanguage && !languages.includes(current.preferredLanguage)) languages.unshift(current.preferredLanguage);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setNotice("");
    const checked = changesOf(saved, values);
    if ("problems" in checked) {
      setProblems(checked.problems);
      focusFirstInvalid();
      return;
    }
    if (Object.keys(checked.input).length === 0) {
      setProblems([]);
      setNotice("Nothing was changed.");
      return;
    }
    const result = await update({ token, input: checked.input });
    const payload = result.data?.preferencesUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    const refusal = payload.userErrors.find((error) => error.code === "INVALID_LINK" || error.code === "LINK_EXPIRED");
    if (refusal) return onRefused(refusal.code as Refusal);
    if (payload.userErrors.length || !payload.preferences) {
      setProblems(payload.userErrors);
      focusFirstInvalid();
      return;
    }
    setProblems([]);
    setCurrent(payload.preferences);
    setValues(valuesOf(payload.preferences));
    setNotice("Thank you, your preferences are saved.");
  }

  return (
    <form className="form preferences__form" onSubmit={onSubmit} noValidate aria-labelledby="preferences-title">
      <h1 id="preferences-title" className="preferences__title">
        Your message preferences
      </h1>
      <p className="preferences__business">
        {current.firstName ? `Hello ${current.firstName}, this` : "This"} is how <strong>{current.businessName}</strong> contacts you
        about your appointments.
      </p>
      <fieldset className="form__group preferences__group" aria-describedby={at("preferredMedium") ? "preferences-medium-error" : undefined}>
        <legend>Contact me first by</legend>
        {(["EMAIL", "SMS"] as const).map((medium) => (
          <label key={medium} className="preferences__choice">
            <input
              type="radio"
              name={mediumName}
              value={medium}
              checked={values.preferredMedium === medium}
              onChange={() => change({ preferredMedium: medium })}
            />
            {medium === "EMAIL" ? "Email" : "Text message (SMS)"}
          </label>
        ))}
        {at("preferredMedium") && (
          <p className="field__error" id="preferences-medium-error">
            {at("preferredMedium")}
          </p>
        )}
      </fieldset>
      <fieldset className="form__group preferences__group">
        <legend>Messages I want to get</legend>
        <CheckboxField label="Emails" checked={values.emailEnabled} onChange={(emailEnabled) => change({ emailEnabled })} error={at("emailEnabled")} />
        <CheckboxField label="Text messages (SMS)" checked={values.smsEnabled} onChange={(smsEnabled) => change({ smsEnabled })} error={at("smsEnabled")} />
        {!values.emailEnabled && !values.smsEnabled && (
          <p className="notice">With both switched off, you get no messages about your appointments.</p>
        )}
      </fieldset>
      <Field label="Language of messages" error={at("preferredLanguage")}>
        {(control) => (
          <select {...control} name="preferredLanguage" value={values.preferredLanguage} onChange={(event) => change({ preferredLanguage: event.target.value })}>
            {!current.preferredLanguage && <option value="">No preference</option>}
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {ownLanguageName(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Email address" error={at("email")}>
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="email" value={values.email} onChange={(event) => change({ email: event.target.value })} />
        )}
      </Field>
      <Field label="Mobile phone (for SMS)" error={at("mobilePhone")}>
        {(control) => (
          <input
            {...control}
            name="mobilePhone"
            type="tel"
            autoComplete="tel"
            value={values.mobilePhone}
            onChange={(event) => change({ mobilePhone: event.target.value })}
          />
        )}
      </Field>
      {other.length > 0 && (
        <div className="form-errors" role="alert">
          <p className="form-errors__title">Your preferences were not saved:</p>
          <ul>
            {other.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {failure && <ErrorState title="Your preferences could not be saved." error={failure} />}
      <p className={notice ? "notice notice--success" : "visually-hidden"} role="status">
        {notice}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Saving…" : "Save preferences"}
        </button>
      </div>
    </form>
  );
}
