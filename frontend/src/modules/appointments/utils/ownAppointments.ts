// Appointments this browser tab just made itself (New appointment on a profile): the toasts do
// not announce them as news. A tiny store (useSyncExternalStore), because the live event may
// arrive before the mutation's answer: a toast already shown then disappears.
const own = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

export function markOwnAppointment(id: string): void {
  if (own.has(id)) return;
  own.add(id);
  version += 1;
  listeners.forEach((listener) => listener());
}

export function isOwnAppointment(id: string): boolean {
  return own.has(id);
}

export function subscribeOwnAppointments(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function ownAppointmentsVersion(): number {
  return version;
}
