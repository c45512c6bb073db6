import { graphql } from "../../../gql";

export const AppointmentCompleteMutation = graphql(`
  mutation AppointmentComplete($id: ID!) {
    appointmentComplete(id: $id) {
      ...AppointmentPayloadFields
    }
  }
`);
