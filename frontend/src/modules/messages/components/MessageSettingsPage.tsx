// Settings → Messages (manage:settings): when reminders go out and the time zone of dates in
// messages (ReminderSettings), and the texts of every kind of message in every language
// (TemplateEditor: live preview, Save, "Back to the built-in").
import { ReminderSettings } from "./ReminderSettings";
import { TemplateEditor } from "./TemplateEditor";
import "./messages.css";

export function MessageSettingsPage() {
  return (
    <section className="page message-settings" aria-labelledby="message-settings-title">
      <p className="page__eyebrow">Settings</p>
      <div className="page__header">
        <h1 id="message-settings-title">Messages</h1>
      </div>
      <p className="page__intro">
        Customers get a confirmation when an appointment is booked, reminders before it, and a notice when it is moved or
        cancelled, by email or SMS in their language. Choose when reminders go out and write the texts yourself, or keep the
        built-in ones.
      </p>
      <ReminderSettings />
      <TemplateEditor />
    </section>
  );
}
