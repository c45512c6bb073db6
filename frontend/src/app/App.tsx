// The shell (header, skip link, main landmark) and the routes. Navigation entries appear only
// with the permission their page needs; the admin pages are loaded on first use. At phone
// width the navigation is behind a Menu button.
import { lazy, Suspense, useEffect, useId, useState, type ReactNode } from "react";
import { Link, Navigate, NavLink, Route, Routes, useLocation } from "react-router";
import { CustomerListPage } from "../modules/customers/components/CustomerListPage";
import { CustomerProfilePage } from "../modules/customers/components/CustomerProfilePage";
import { AppointmentToasts } from "../modules/appointments/components/AppointmentToasts";
import { LIST_PATH } from "../modules/customers/paths";
import { TODAY_PATH } from "../modules/appointments/paths";
import { IMPORT_PATH } from "../modules/imports/paths";
import { LIFECYCLE_SETTINGS_PATH } from "../modules/lifecycle/paths";
import { DUPLICATES_PATH } from "../modules/duplicates/paths";
import { RequirePermission } from "../modules/session/components/RequirePermission";
import { useCan, useSession } from "../modules/session/hooks/useSession";
import { EmptyState, Loading } from "../shared/components/States";

export const TOKENS_PATH = "/api-tokens";
export const USERS_PATH = "/users";
export const BLOCK_RULES_PATH = "/block-rules";
export { TODAY_PATH };
export const CALENDARS_PATH = "/calendars";
export const CUSTOM_FIELDS_PATH = "/settings/custom-fields";
export const MESSAGE_SETTINGS_PATH = "/settings/messages";

const ApiTokensPage = lazy(() => import("../modules/tokens/components/ApiTokensPage").then((m) => ({ default: m.ApiTokensPage })));
const UsersAndRolesPage = lazy(() =>
  import("../modules/users/components/UsersAndRolesPage").then((m) => ({ default: m.UsersAndRolesPage })),
);
const TodayPage = lazy(() => import("../modules/appointments/components/TodayPage").then((m) => ({ default: m.TodayPage })));
const CalendarsPage = lazy(() => import("../modules/calendar/components/CalendarsPage").then((m) => ({ default: m.CalendarsPage })));
const CustomFieldsPage = lazy(() =>
  import("../modules/customFields/components/CustomFieldsPage").then((m) => ({ default: m.CustomFieldsPage })),
);
const ImportPage = lazy(() => import("../modules/imports/components/ImportPage").then((m) => ({ default: m.ImportPage })));
const MessageSettingsPage = lazy(() =>
  import("../modules/messages/components/MessageSettingsPage").then((m) => ({ default: m.MessageSettingsPage })),
);
const DuplicatesPage = lazy(() =>
  import("../modules/duplicates/components/DuplicatesPage").then((m) => ({ default: m.DuplicatesPage })),
);
const LifecycleSettingsPage = lazy(() =>
  import("../modules/lifecycle/components/LifecycleSettingsPage").then((m) => ({ default: m.LifecycleSettingsPage })),
);
const BlockRulesPage = lazy(() => import("../modules/blocking/components/BlockRulesPage").then((m) => ({ default: m.BlockRulesPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Loading page…" />}>{children}</Suspense>;
}

export function App() {
  const session = useSession();
  const canRead = useCan("READ_CUSTOMERS");
  const canManageUsers = useCan("MANAGE_USERS");
  const canManageSettings = useCan("MANAGE_SETTINGS");
  const canImportFiles = useCan("IMPORT_CUSTOMERS");
  const canAdd = useCan("ADD_CUSTOMERS");
  const canImport = canImportFiles && canAdd;
  // Phone width: the navigation folds into a "Menu" button; it closes again on navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={canRead ? TODAY_PATH : LIST_PATH} className="app-header__brand">
          Clientele
        </Link>
        <button
          type="button"
          className="app-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> Menu
        </button>
        <nav id={navId} aria-label="Main" className={`app-header__nav${menuOpen ? " app-header__nav--open" : ""}`}>
          {canRead && <NavLink to={TODAY_PATH}>Today</NavLink>}
          {canRead && <NavLink to={LIST_PATH}>Customers</NavLink>}
          {canRead && <NavLink to={DUPLICATES_PATH}>Duplicates</NavLink>}
          {canImport && <NavLink to={IMPORT_PATH}>Import</NavLink>}
          {canRead && <NavLink to={CALENDARS_PATH}>Calendars</NavLink>}
          {canRead && <NavLink to={BLOCK_RULES_PATH}>Block rules</NavLink>}
          {canManageUsers && <NavLink to={USERS_PATH}>Users &amp; roles</NavLink>}
          {canManageSettings && <NavLink to={CUSTOM_FIELDS_PATH}>Custom fields</NavLink>}
          {canManageSettings && <NavLink to={MESSAGE_SETTINGS_PATH}>Messages</NavLink>}
          {canManageSettings && <NavLink to={LIFECYCLE_SETTINGS_PATH}>Customer lifecycle</NavLink>}
          <NavLink to={TOKENS_PATH}>API tokens</NavLink>
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
          <Route path="/" element={<Navigate to={canRead ? TODAY_PATH : LIST_PATH} replace />} />
          <Route
            path={TODAY_PATH}
            element={
              <RequirePermission permission="READ_CUSTOMERS">
                <Lazy>
                  <TodayPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route
            path={CALENDARS_PATH}
            element={
              <RequirePermission permission="READ_CUSTOMERS">
                <Lazy>
                  <CalendarsPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route path={LIST_PATH} element={<CustomerListPage />} />
          <Route
            path={IMPORT_PATH}
            element={
              <RequirePermission permission="IMPORT_CUSTOMERS">
                <RequirePermission permission="ADD_CUSTOMERS">
                  <Lazy>
                    <ImportPage />
                  </Lazy>
                </RequirePermission>
              </RequirePermission>
            }
          />
          <Route path={`${LIST_PATH}/:id`} element={<CustomerProfilePage />} />
          <Route
            path={TOKENS_PATH}
            element={
              <Lazy>
                <ApiTokensPage />
              </Lazy>
            }
          />
          <Route
            path={USERS_PATH}
            element={
              <RequirePermission permission="MANAGE_USERS">
                <Lazy>
                  <UsersAndRolesPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route
            path={DUPLICATES_PATH}
            element={
              <RequirePermission permission="READ_CUSTOMERS">
                <Lazy>
                  <DuplicatesPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route
            path={BLOCK_RULES_PATH}
            element={
              <RequirePermission permission="READ_CUSTOMERS">
                <Lazy>
                  <BlockRulesPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route
            path={CUSTOM_FIELDS_PATH}
            element={
              <RequirePermission permission="MANAGE_SETTINGS">
                <Lazy>
                  <CustomFieldsPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route
            path={MESSAGE_SETTINGS_PATH}
            element={
              <RequirePermission permission="MANAGE_SETTINGS">
                <Lazy>
                  <MessageSettingsPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route
            path={LIFECYCLE_SETTINGS_PATH}
            element={
              <RequirePermission permission="MANAGE_SETTINGS">
                <Lazy>
                  <LifecycleSettingsPage />
                </Lazy>
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <AppointmentToasts enabled={canRead} />
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
