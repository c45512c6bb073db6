import { graphql } from "../../../gql";

export const AppointmentCancelMutation = graphql(`
  mutation AppointmentCancel($id: ID!, $reason: String) {
    appointmentCancel(id: $id, reason: $reason) {
      ...AppointmentPayloadFields
    }
  }
`);
