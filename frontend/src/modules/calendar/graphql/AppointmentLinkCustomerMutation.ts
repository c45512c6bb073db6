import { graphql } from "../../../gql";

export const AppointmentLinkCustomerMutation = graphql(`
  mutation AppointmentLinkCustomer($appointmentId: ID!, $customerId: ID!) {
    appointmentLinkCustomer(appointmentId: $appointmentId, customerId: $customerId) {
      appointment {
        ...DashboardAppointmentFields
      }
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
