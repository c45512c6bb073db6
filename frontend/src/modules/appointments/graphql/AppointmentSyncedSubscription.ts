import { graphql } from "../../../gql";

/** New or changed appointments of the account (dashboard and toast share this one operation). */
export const AppointmentSyncedSubscription = graphql(`
  subscription AppointmentSynced {
    appointmentSynced {
      ...DashboardAppointmentFields
    }
  }
`);
