import { graphql } from "../../../gql";

/**
 * What every appointment mutation returns: the appointment as the profile and the dashboard show
 * it (the cache merges it; `customer.id` tells the cache whose figures and lists to drop).
 */
export const AppointmentPayloadFields = graphql(`
  fragment AppointmentPayloadFields on AppointmentPayload {
    appointment {
      ...DashboardAppointmentFields
    }
    customerBlocked
    userErrors {
      ...AppointmentErrorFields
    }
  }
`);
