import { graphql } from "../../../gql";

export const AppointmentRescheduleMutation = graphql(`
  mutation AppointmentReschedule($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
    appointmentReschedule(id: $id, startsAt: $startsAt, endsAt: $endsAt) {
      ...AppointmentPayloadFields
    }
  }
`);
