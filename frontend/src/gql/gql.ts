/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n  }\n": typeof types.AppointmentFieldsFragmentDoc,
    "\n  fragment CommunicationFields on Communication {\n    id\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    sentAt\n    createdAt\n  }\n": typeof types.CommunicationFieldsFragmentDoc,
    "\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n": typeof types.CustomerChangedDocument,
    "\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomerCreateDocument,
    "\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomerDeleteDocument,
    "\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    landlinePhone\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n": typeof types.CustomerDetailsFieldsFragmentDoc,
    "\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n": typeof types.CustomerErrorFieldsFragmentDoc,
    "\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    landlinePhone\n    communicationStatus\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n": typeof types.CustomerListItemFieldsFragmentDoc,
    "\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n      }\n    }\n  }\n": typeof types.CustomerListDocument,
    "\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      appointments(first: 100) {\n        totalCount\n        edges {\n          node {\n            ...AppointmentFields\n            communications(first: 50) {\n              totalCount\n              edges {\n                node {\n                  ...CommunicationFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerProfileDocument,
    "\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!) {\n    customerUpdate(id: $id, input: $input) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomerUpdateDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      me {\n        ...SessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n  }\n": types.AppointmentFieldsFragmentDoc,
    "\n  fragment CommunicationFields on Communication {\n    id\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    sentAt\n    createdAt\n  }\n": types.CommunicationFieldsFragmentDoc,
    "\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n": types.CustomerChangedDocument,
    "\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomerCreateDocument,
    "\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomerDeleteDocument,
    "\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    landlinePhone\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n": types.CustomerDetailsFieldsFragmentDoc,
    "\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n": types.CustomerErrorFieldsFragmentDoc,
    "\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    landlinePhone\n    communicationStatus\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n": types.CustomerListItemFieldsFragmentDoc,
    "\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n      }\n    }\n  }\n": types.CustomerListDocument,
    "\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      appointments(first: 100) {\n        totalCount\n        edges {\n          node {\n            ...AppointmentFields\n            communications(first: 50) {\n              totalCount\n              edges {\n                node {\n                  ...CommunicationFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CustomerProfileDocument,
    "\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!) {\n    customerUpdate(id: $id, input: $input) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomerUpdateDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      me {\n        ...SessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionFields\n    }\n  }\n": types.MeDocument,
    "\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n    }\n  }\n": types.SessionFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n  }\n"): (typeof documents)["\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommunicationFields on Communication {\n    id\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    sentAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment CommunicationFields on Communication {\n    id\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    sentAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    landlinePhone\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    landlinePhone\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n"): (typeof documents)["\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    landlinePhone\n    communicationStatus\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    landlinePhone\n    communicationStatus\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      appointments(first: 100) {\n        totalCount\n        edges {\n          node {\n            ...AppointmentFields\n            communications(first: 50) {\n              totalCount\n              edges {\n                node {\n                  ...CommunicationFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      appointments(first: 100) {\n        totalCount\n        edges {\n          node {\n            ...AppointmentFields\n            communications(first: 50) {\n              totalCount\n              edges {\n                node {\n                  ...CommunicationFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!) {\n    customerUpdate(id: $id, input: $input) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!) {\n    customerUpdate(id: $id, input: $input) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      me {\n        ...SessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      me {\n        ...SessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;