import { graphql } from "../../../gql";

/** New or changed appointments of one customer (the open profile). */
export const CustomerAppointmentSyncedSubscription = graphql(`
  subscription CustomerAppointmentSynced($customerId: ID!) {
    appointmentSynced(customerId: $customerId) {
      ...AppointmentFields
    }
  }
`);
