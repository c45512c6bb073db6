import { graphql } from "../../../gql";

/** A refused appointment change, as every appointment mutation reports it. */
export const AppointmentErrorFields = graphql(`
  fragment AppointmentErrorFields on AppointmentError {
    field
    message
    code
  }
`);
