import { graphql } from "../../../gql";

export const AppointmentCreateMutation = graphql(`
  mutation AppointmentCreate($input: AppointmentCreateInput!) {
    appointmentCreate(input: $input) {
      ...AppointmentPayloadFields
    }
  }
`);
