// An open profile gains appointments live: appointmentSynced(customerId). A changed appointment
// is merged by the normalised cache; a new one is not in the profile's list yet, so `onNew`
// (the profile refetching itself) is called. Opening the profile stays one HTTP request.
import { useEffect, useRef } from "react";
import { useSubscription } from "urql";
import { CustomerAppointmentSyncedSubscription } from "../graphql/CustomerAppointmentSyncedSubscription";

export function useCustomerAppointmentsLive(customerId: string, knownIds: readonly string[] | null, onNew: () => void, enabled = true): void {
  const [result] = useSubscription({ query: CustomerAppointmentSyncedSubscription, variables: { customerId }, pause: !enabled });
  const latest = result.data?.appointmentSynced;
  const onNewRef = useRef(onNew);
  onNewRef.current = onNew;
  const knownRef = useRef(knownIds);
  knownRef.current = knownIds;
  useEffect(() => {
    if (latest && knownRef.current && !knownRef.current.includes(latest.id)) onNewRef.current();
  }, [latest]);
}
