// The texts of one kind of message in one language: choose both, edit the email's subject and
// text and the SMS text. A preview (messageTemplatePreview, asked once typing pauses) shows them
// as a customer would get them, or lists what is wrong at each field. Save keeps the account's
// own texts; "Back to the built-in" drops them.
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { MessageKind, MessageTemplateFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { Field } from "../../../shared/components/Field";
import { ErrorState, Loading } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import { KIND_LABEL } from "../../communications/utils/labels";
import { MessageTemplatePreviewQuery } from "../graphql/MessageTemplatePreviewQuery";
import { MessageTemplateResetMutation } from "../graphql/MessageTemplateResetMutation";
import { MessageTemplatesQuery } from "../graphql/MessageTemplatesQuery";
import { MessageTemplateUpdateMutation } from "../graphql/MessageTemplateUpdateMutation";

/** The server's limits (communications/templates.py). */
export const TEMPLATE_LIMITS = { subject: 200, body: 5000, sms: 480 } as const;
/** The preview is asked for once typing has paused this long. */
export const PREVIEW_DELAY_MS = 400;

type TemplateField = keyof typeof TEMPLATE_LIMITS;
type Texts = Record<TemplateField, string>;

const FIELDS: readonly TemplateField[] = ["subject", "body", "sms"];
const FIELD_LABEL: Record<TemplateField, string> = { subject: "Email subject", body: "Email text", sms: "SMS text" };
const KIND_ORDER: readonly MessageKind[] = ["CONFIRMATION", "REQUESTED", "REMINDER", "MOVED", "CANCELLED", "MANUAL"];
const KIND_HINT: Record<MessageKind, string> = {
  CONFIRMATION: "Sent when an appointment is booked or a request confirmed.",
  REQUESTED: "Sent when an online booking request is received (staff confirm it later).",
  REMINDER: "Sent the chosen hours before an appointment.",
  MOVED: "Sent when an appointment's time changes.",
  CANCELLED: "Sent when an appointment is cancelled.",
  MANUAL: "The frame of the messages staff write on a profile (their text is {{ message.body }}).",
};

/** A language code by its English name (en → English). */
export function languageLabel(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function TemplateEditor() {
  const [result, reexecute] = useQuery({ query: MessageTemplatesQuery });
  const templates = result.data?.messageTemplates;
  const [kind, setKind] = useState<MessageKind>("CONFIRMATION");
  const [language, setLanguage] = useState("en");
  const [notice, setNotice] = useState("");
  const choiceId = useId();

  if (!templates) {
    return (
      <section className="card" aria-labelledby="templates-title">
        <h2 id="templates-title" className="card__title">
          Message texts
        </h2>
        {result.error ? (
          <ErrorState title="The message texts could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading the message texts…" />
        )}
      </section>
    );
  }
  const kinds = KIND_ORDER.filter((k) => templates.some((t) => t.kind === k));
  const languages = [...new Set(templates.map((t) => t.language))];
  const current = templates.find((t) => t.kind === kind && t.language === language) ?? templates[0];

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title" className="card__title">
        Message texts
      </h2>
      <div className="form__row template-choice">
        <div className="field">
          <label className="field__label" htmlFor={`${choiceId}-kind`}>
            Message
          </label>
          <select
            id={`${choiceId}-kind`}
            value={current.kind}
            onChange={(event) => {
              setNotice("");
              setKind(event.target.value as MessageKind);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
                {templates.some((t) => t.kind === k && t.custom) ? " (your own)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${choiceId}-language`}>
            Language
          </label>
          <select
            id={`${choiceId}-language`}
            value={current.language}
            onChange={(event) => {
              setNotice("");
              setLanguage(event.target.value);
            }}
          >
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageLabel(code)}
                {templates.some((t) => t.kind === current.kind && t.language === code && t.custom) ? " (your own)" : ""}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted template-choice__hint">
        {KIND_HINT[current.kind]}{" "}
        {current.custom ? <span className="badge badge--scheduled">Your own text</span> : <span className="badge">Built-in text</span>}
      </p>
      <p className={notice ? "notice notice--success" : "visually-hidden"} role="status">
        {notice}
      </p>
      <TemplateForm
        // a saved or reset template is shown as the server now has it
        key={`${current.kind}-${current.language}-${current.custom}-${current.updatedAt ?? ""}`}
        template={current}
        onSaved={() => setNotice(`Saved: ${KIND_LABEL[current.kind]} in ${languageLabel(current.language)} now uses your text.`)}
        onReset={() => setNotice(`${KIND_LABEL[current.kind]} in ${languageLabel(current.language)} uses the built-in text again.`)}
        onEdit={() => setNotice("")}
      />
    </section>
  );
}

interface FormProps {
  template: MessageTemplateFieldsFragment;
  onSaved: () => void;
  onReset: () => void;
  onEdit: () => void;
}

function TemplateForm({ template, onSaved, onReset, onEdit }: FormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [texts, setTexts] = useState<Texts>({ subject: template.subject, body: template.body, sms: template.sms });
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, save] = useMutation(MessageTemplateUpdateMutation);
  useFocusFirstInvalid(formRef, errors.length ? errors : null);
  const reset = useConfirmedMutation(MessageTemplateResetMutation, {
    variables: () => ({ kind: template.kind, language: template.language }),
    payload: (data) => data.messageTemplateReset,
    onDone: onReset,
  });

  const settled = useDebouncedValue(texts, PREVIEW_DELAY_MS);
  const [preview] = useQuery({
    query: MessageTemplatePreviewQuery,
    variables: { kind: template.kind, language: template.language, ...settled },
  });
  const shown = preview.data?.messageTemplatePreview;
  const problems = shown?.problems ?? [];
  // A field's trouble: what the last Save was refused for, else what the preview found.
  const at = (field: TemplateField) =>
    fieldError(errors, field) ?? (problems.some((p) => p.field === field) ? problems.filter((p) => p.field === field).map((p) => p.message).join(" ") : undefined);
  const changed = FIELDS.some((field) => texts[field] !== template[field]);

  const set = (field: TemplateField) => (event: { target: { value: string } }) => {
    onEdit();
    setErrors([]);
    setTexts((current) => ({ ...current, [field]: event.target.value }));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = await save({ kind: template.kind, language: template.language, ...texts });
    const payload = result.data?.messageTemplateUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !payload.template) return setErrors(payload.userErrors);
    setErrors([]);
    onSaved();
  }

  const counter = (field: TemplateField) => `${texts[field].length} of ${TEMPLATE_LIMITS[field]} characters.`;
  return (
    <div className="template-editor">
      <form ref={formRef} className="form template-editor__form" onSubmit={onSubmit} noValidate aria-label="Message text">
        <Field label={FIELD_LABEL.subject} error={at("subject")} hint={counter("subject")}>
          {(control) => <input {...control} name="subject" value={texts.subject} onChange={set("subject")} />}
        </Field>
        <Field label={FIELD_LABEL.body} error={at("body")} hint={`${counter("body")} The HTML email is made from it; a link to the customer's preferences is added.`}>
          {(control) => <textarea {...control} name="body" rows={12} value={texts.body} onChange={set("body")} />}
        </Field>
        <Field label={FIELD_LABEL.sms} error={at("sms")} hint={`${counter("sms")} A link to the customer's preferences is added.`}>
          {(control) => <textarea {...control} name="sms" rows={4} value={texts.sms} onChange={set("sms")} />}
        </Field>
        {shown && shown.variables.length > 0 && (
          <div className="template-editor__variables">
            <p className="field__label">Variables</p>
            <ul>
              {shown.variables.map((name) => (
                <li key={name}>
                  <code>{`{{ ${name} }}`}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <UserErrorList errors={otherErrors(errors, FIELDS)} title="The text was not saved:" />
        {failure && <ErrorState title="The text could not be saved." error={failure} />}
        <div className="form__actions">
          {template.custom && (
            <button type="button" className="button" onClick={() => reset.ask(template)}>
              Back to the built-in
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={fetching || !changed}>
            {fetching ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
      <section className="template-preview" aria-labelledby="template-preview-title">
        <h3 id="template-preview-title" className="template-preview__title">
          Preview <span className="muted">(a made-up customer and appointment)</span>
        </h3>
        {!shown ? (
          preview.error ? (
            <ErrorState title="The preview could not be made." error={preview.error} />
          ) : (
            <Loading label="Making the preview…" />
          )
        ) : problems.length > 0 ? (
          <div className="form-errors" aria-label="Problems">
            <p className="form-errors__title">This text cannot be used yet:</p>
            <ul>
              {problems.map((problem, index) => (
                <li key={index}>
                  <strong>{FIELD_LABEL[problem.field as TemplateField] ?? problem.field}:</strong> {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <dl className="template-preview__parts">
            <dt>Email subject</dt>
            <dd>{shown.subject}</dd>
            <dt>Email text</dt>
            <dd>
              <pre className="message__body">{shown.text}</pre>
            </dd>
            <dt>SMS</dt>
            <dd>
              <pre className="message__body">{shown.sms}</pre>
            </dd>
          </dl>
        )}
      </section>
      <ConfirmDialog
        confirmation={reset}
        title="Back to the built-in text?"
        label="Use the built-in text"
        busyLabel="Resetting…"
        errorsTitle="The text was not reset:"
        failureTitle="The text could not be reset."
      >
        <p>
          Your own {KIND_LABEL[template.kind].toLowerCase()} text in {languageLabel(template.language)} is deleted; messages use the
          built-in text again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
