import { graphql } from "../../../gql";

export const AppointmentDeclineMutation = graphql(`
  mutation AppointmentDecline($id: ID!, $reason: String) {
    appointmentDecline(id: $id, reason: $reason) {
      ...AppointmentPayloadFields
    }
  }
`);
