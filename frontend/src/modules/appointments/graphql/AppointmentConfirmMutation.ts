import { graphql } from "../../../gql";

export const AppointmentConfirmMutation = graphql(`
  mutation AppointmentConfirm($id: ID!) {
    appointmentConfirm(id: $id) {
      ...AppointmentPayloadFields
    }
  }
`);
