// Sign in with email and password; the server sets the session cookie.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Field } from "../../../shared/components/Field";
import { errorText } from "../../../shared/components/States";
import { setCsrfToken } from "../../../shared/api/requestOptions";
import { LoginMutation } from "../graphql/LoginMutation";

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, login] = useMutation(LoginMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const result = await login({ email: email.trim(), password });
    const payload = result.data?.login;
    if (payload?.me) {
      setCsrfToken(payload.me.csrfToken);
      onSignedIn();
    } else if (payload && payload.userErrors.length > 0) {
      setProblem(payload.userErrors.map((e) => e.message).join(" "));
    } else {
      setProblem(result.error ? errorText(result.error) : "Signing in failed.");
    }
  }

  return (
    <main id="main" className="login">
      <form className="form card login__card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <p className="login__brand">Clientele</p>
        <h1 id="login-title">Sign in</h1>
        <Field label="Email">
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        {problem && (
          <p className="form-errors" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
