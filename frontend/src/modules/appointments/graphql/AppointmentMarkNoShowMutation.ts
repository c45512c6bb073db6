import { graphql } from "../../../gql";

export const AppointmentMarkNoShowMutation = graphql(`
  mutation AppointmentMarkNoShow($id: ID!) {
    appointmentMarkNoShow(id: $id) {
      ...AppointmentPayloadFields
    }
  }
`);
