// The shell (header, skip link, main landmark) and the routes.
import { Link, Navigate, Route, Routes } from "react-router";
import { CustomerListPage } from "../modules/customers/components/CustomerListPage";
import { CustomerProfilePage } from "../modules/customers/components/CustomerProfilePage";
import { LIST_PATH } from "../modules/customers/paths";
import { useSession } from "../modules/session/hooks/useSession";
import { EmptyState } from "../shared/components/States";

export function App() {
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={LIST_PATH} className="app-header__brand">
          Clientele
        </Link>
        <nav aria-label="Main" className="app-header__nav">
          <Link to={LIST_PATH}>Customers</Link>
        </nav>
        {session && (
          <div className="app-header__user">
            <span className="app-header__name">{session.me.name}</span>
            <button type="button" className="app-header__signout" onClick={session.signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to={LIST_PATH} replace />} />
          <Route path={LIST_PATH} element={<CustomerListPage />} />
          <Route path={`${LIST_PATH}/:id`} element={<CustomerProfilePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

function NotFound() {
  return (
    <section className="page">
      <EmptyState title="Page not found.">
        <p>
          <Link to={LIST_PATH}>Go to the customer list</Link>
        </p>
      </EmptyState>
    </section>
  );
}
