import { graphql } from "../../../gql";

/** An appointment on the dashboard and in the toast: the row plus who it is for. */
export const DashboardAppointmentFields = graphql(`
  fragment DashboardAppointmentFields on Appointment {
    ...AppointmentFields
    createdAt
    updatedAt
    customer {
      id
      displayName
    }
  }
`);
