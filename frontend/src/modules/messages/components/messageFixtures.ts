// Answers of the message operations for their tests, typed by the generated types.
import type {
  CommunicationResendMutation,
  CustomerCommunicationsQuery,
  MessageErrorCode,
  MessageSendMutation,
  MessageTemplateFieldsFragment,
  MessageTemplatePreviewQuery,
} from "../../../gql/graphql";
import type { Answer, Data } from "../../../test/fixtures";

type Page = Answer<NonNullable<CustomerCommunicationsQuery["customer"]>["communications"]>;
export type ListedMessage = Page["edges"][number]["node"];

let counter = 0;
export const messageId = () => btoa(`Communication:00000000-0000-4000-9000-${String(++counter).padStart(12, "0")}`);

export function listedMessage(overrides: Partial<ListedMessage> = {}): ListedMessage {
  return {
    __typename: "Communication",
    id: messageId(),
    kind: "MANUAL",
    medium: "EMAIL",
    recipient: "anna@example.ch",
    subject: "Your voucher",
    body: "Dear Anna,\n\nHere is your voucher.",
    status: "SENT",
    error: null,
    attempts: 1,
    parts: null,
    language: "en",
    dueAt: "2026-03-01T09:00:00+00:00",
    nextAttemptAt: null,
    sentAt: "2026-03-01T09:00:05+00:00",
    createdAt: "2026-03-01T09:00:00+00:00",
    appointment: null,
    ...overrides,
  };
}

/** A CustomerCommunications answer: one page of `customerId`'s messages. */
export function messagesAnswer(
  customerId: string,
  nodes: ListedMessage[],
  { totalCount = nodes.length, hasNextPage = false }: { totalCount?: number; hasNextPage?: boolean } = {},
): Data<CustomerCommunicationsQuery> {
  return {
    customer: {
      __typename: "Customer",
      id: customerId,
      communications: {
        __typename: "CommunicationConnection",
        totalCount,
        pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1].id}` : null },
        edges: nodes.map((node) => ({ __typename: "CommunicationEdge", node })),
      },
    },
  };
}

const messageError = (field: string | null, message: string, code: MessageErrorCode) => ({ __typename: "MessageError", field, message, code });

type Sent = Data<MessageSendMutation>["messageSend"];
/** A messageSend (or, with `field`, communicationResend) answer: the new message or userErrors. */
export function queued(
  node: ListedMessage | null,
  errors: { field: string | null; message: string; code: MessageErrorCode }[] = [],
): { communication: Sent["communication"]; userErrors: Sent["userErrors"]; __typename: string } {
  const { appointment: _appointment, ...communication } = node ?? listedMessage();
  return {
    __typename: "CommunicationPayload",
    communication: node && !errors.length ? communication : null,
    userErrors: errors.map((e) => messageError(e.field, e.message, e.code)),
  };
}

export const sendAnswer = (...args: Parameters<typeof queued>): Data<MessageSendMutation> => ({ messageSend: queued(...args) });
export const resendAnswer = (...args: Parameters<typeof queued>): Data<CommunicationResendMutation> => ({ communicationResend: queued(...args) });

type Template = Answer<MessageTemplateFieldsFragment>;
export function template(overrides: Partial<Template> = {}): Template {
  return {
    __typename: "MessageTemplate",
    kind: "CONFIRMATION",
    language: "en",
    subject: "Your appointment on {{ appointment.date }}",
    body: "Dear {{ customer.first_name }},\n\nsee you on {{ appointment.date }} at {{ appointment.time }}.",
    sms: "See you on {{ appointment.date }} at {{ appointment.time }}. {{ business.name }}",
    custom: false,
    updatedAt: null,
    ...overrides,
  };
}

type Preview = Data<MessageTemplatePreviewQuery>["messageTemplatePreview"];
export function preview(overrides: Partial<Preview> = {}): Data<MessageTemplatePreviewQuery> {
  return {
    messageTemplatePreview: {
      __typename: "MessageTemplatePreview",
      subject: "Your appointment on Monday, 2 March 2026",
      text: "Dear Maria,\n\nsee you on Monday, 2 March 2026 at 10:30.",
      sms: "See you on Monday, 2 March 2026 at 10:30. Demo https://example.com/preferences/x",
      problems: [],
      variables: ["customer.first_name", "appointment.date", "appointment.time", "business.name"],
      ...overrides,
    },
  };
}
