// appointmentSynced for the whole account, over the shared WebSocket client. The dashboard and
// the toasts both call this hook with the same document and no variables, so urql runs ONE
// subscription for both. Returns every appointment seen so far (latest version of each).
import { useSubscription } from "urql";
import type { AppointmentSyncedSubscription as Result } from "../../../gql/graphql";
import { AppointmentSyncedSubscription } from "../graphql/AppointmentSyncedSubscription";
import type { DashboardAppointment } from "../utils/upcoming";

const accumulate = (seen: DashboardAppointment[] = [], event: Result): DashboardAppointment[] => {
  const appointment = event.appointmentSynced;
  return [...seen.filter((a) => a.id !== appointment.id), appointment];
};

export function useAppointmentFeed(enabled = true): DashboardAppointment[] {
  const [result] = useSubscription({ query: AppointmentSyncedSubscription, pause: !enabled }, accumulate);
  return result.data ?? [];
}
