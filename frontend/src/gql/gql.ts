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
    "\n  mutation AppointmentCancel($id: ID!, $reason: String) {\n    appointmentCancel(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentCancelDocument,
    "\n  mutation AppointmentComplete($id: ID!) {\n    appointmentComplete(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentCompleteDocument,
    "\n  mutation AppointmentConfirm($id: ID!) {\n    appointmentConfirm(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentConfirmDocument,
    "\n  mutation AppointmentCreate($input: AppointmentCreateInput!) {\n    appointmentCreate(input: $input) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentCreateDocument,
    "\n  mutation AppointmentDecline($id: ID!, $reason: String) {\n    appointmentDecline(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentDeclineDocument,
    "\n  fragment AppointmentErrorFields on AppointmentError {\n    field\n    message\n    code\n  }\n": typeof types.AppointmentErrorFieldsFragmentDoc,
    "\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n    notes\n    cancellationReason\n    source\n    readOnlyReason\n  }\n": typeof types.AppointmentFieldsFragmentDoc,
    "\n  mutation AppointmentMarkNoShow($id: ID!) {\n    appointmentMarkNoShow(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentMarkNoShowDocument,
    "\n  fragment AppointmentPageFields on AppointmentConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...AppointmentFields\n        communications(first: 50) {\n          totalCount\n          edges {\n            node {\n              ...CommunicationFields\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AppointmentPageFieldsFragmentDoc,
    "\n  fragment AppointmentPayloadFields on AppointmentPayload {\n    appointment {\n      ...DashboardAppointmentFields\n    }\n    customerBlocked\n    userErrors {\n      ...AppointmentErrorFields\n    }\n  }\n": typeof types.AppointmentPayloadFieldsFragmentDoc,
    "\n  mutation AppointmentReschedule($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {\n    appointmentReschedule(id: $id, startsAt: $startsAt, endsAt: $endsAt) {\n      ...AppointmentPayloadFields\n    }\n  }\n": typeof types.AppointmentRescheduleDocument,
    "\n  subscription AppointmentSynced {\n    appointmentSynced {\n      ...DashboardAppointmentFields\n    }\n  }\n": typeof types.AppointmentSyncedDocument,
    "\n  subscription CustomerAppointmentSynced($customerId: ID!) {\n    appointmentSynced(customerId: $customerId) {\n      ...AppointmentFields\n    }\n  }\n": typeof types.CustomerAppointmentSyncedDocument,
    "\n  query CustomerAppointmentsPage($id: ID!, $when: AppointmentWhen!, $direction: SortDirection!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      appointments(first: $first, after: $after, when: $when, direction: $direction) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n": typeof types.CustomerAppointmentsPageDocument,
    "\n  fragment CustomerFiguresFields on Customer {\n    visitCount\n    noShowCount\n    cancellationCount\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n      status\n    }\n  }\n": typeof types.CustomerFiguresFieldsFragmentDoc,
    "\n  fragment DashboardAppointmentFields on Appointment {\n    ...AppointmentFields\n    createdAt\n    updatedAt\n    customer {\n      id\n      displayName\n    }\n  }\n": typeof types.DashboardAppointmentFieldsFragmentDoc,
    "\n  query UpcomingAppointments($from: DateTime!, $first: Int!) {\n    upcomingAppointments(from: $from, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...DashboardAppointmentFields\n        }\n      }\n    }\n  }\n": typeof types.UpcomingAppointmentsDocument,
    "\n  mutation AccountSettingsUpdate($bookingBlockedMessage: String!) {\n    accountSettingsUpdate(bookingBlockedMessage: $bookingBlockedMessage) {\n      account {\n        name\n        slug\n        bookingBlockedMessage\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.AccountSettingsUpdateDocument,
    "\n  fragment BlockErrorFields on BlockError {\n    field\n    message\n    code\n  }\n": typeof types.BlockErrorFieldsFragmentDoc,
    "\n  mutation BlockRuleCreate($kind: BlockKind!, $value: String!, $reason: String!) {\n    blockRuleCreate(kind: $kind, value: $value, reason: $reason) {\n      blockRules {\n        ...BlockRuleFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": typeof types.BlockRuleCreateDocument,
    "\n  mutation BlockRuleDelete($id: ID!) {\n    blockRuleDelete(id: $id) {\n      removedCount\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": typeof types.BlockRuleDeleteDocument,
    "\n  fragment BlockRuleFields on BlockRule {\n    id\n    kind\n    value\n    reason\n    authorName\n    createdAt\n  }\n": typeof types.BlockRuleFieldsFragmentDoc,
    "\n  query BlockRules {\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n": typeof types.BlockRulesDocument,
    "\n  query BlockedBookingAttempts($first: Int!, $after: String) {\n    blockedBookingAttempts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          phone\n          ip\n          ruleId\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.BlockedBookingAttemptsDocument,
    "\n  mutation CustomerBlock($id: ID!, $reason: String!) {\n    customerBlock(id: $id, reason: $reason) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": typeof types.CustomerBlockDocument,
    "\n  fragment CustomerBlockingFields on Customer {\n    id\n    isBlocked\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n": typeof types.CustomerBlockingFieldsFragmentDoc,
    "\n  mutation CustomerUnblock($id: ID!) {\n    customerUnblock(id: $id) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": typeof types.CustomerUnblockDocument,
    "\n  query BookingFormFields($accountSlug: String!) {\n    bookingFormFields(accountSlug: $accountSlug) {\n      id\n      key\n      label\n      type\n      options\n      required\n    }\n  }\n": typeof types.BookingFormFieldsDocument,
    "\n  mutation PublicBookingCreate($input: BookingCreateInput!) {\n    bookingCreate(input: $input) {\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PublicBookingCreateDocument,
    "\n  mutation AppointmentLinkCustomer($appointmentId: ID!, $customerId: ID!) {\n    appointmentLinkCustomer(appointmentId: $appointmentId, customerId: $customerId) {\n      appointment {\n        ...DashboardAppointmentFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.AppointmentLinkCustomerDocument,
    "\n  fragment CalendarErrorFields on CalendarError {\n    field\n    message\n    code\n  }\n": typeof types.CalendarErrorFieldsFragmentDoc,
    "\n  mutation CalendarIgnoreRuleCreate($titleContains: String!) {\n    calendarIgnoreRuleCreate(titleContains: $titleContains) {\n      rule {\n        ...CalendarIgnoreRuleFields\n      }\n      removedAppointments\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarIgnoreRuleCreateDocument,
    "\n  mutation CalendarIgnoreRuleDelete($id: ID!) {\n    calendarIgnoreRuleDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarIgnoreRuleDeleteDocument,
    "\n  fragment CalendarIgnoreRuleFields on CalendarIgnoreRule {\n    id\n    titleContains\n    createdAt\n  }\n": typeof types.CalendarIgnoreRuleFieldsFragmentDoc,
    "\n  query CalendarIgnoreRules {\n    calendarIgnoreRules {\n      ...CalendarIgnoreRuleFields\n    }\n  }\n": typeof types.CalendarIgnoreRulesDocument,
    "\n  mutation CalendarSourceCreate($input: CalendarSourceInput!) {\n    calendarSourceCreate(input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarSourceCreateDocument,
    "\n  mutation CalendarSourceDelete($id: ID!) {\n    calendarSourceDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarSourceDeleteDocument,
    "\n  fragment CalendarSourceFields on CalendarSource {\n    id\n    name\n    kind\n    url\n    pollMinutes\n    windowPastDays\n    windowFutureDays\n    ownDomains\n    allDates\n    cancelMissing\n    lastSyncedAt\n    createdAt\n  }\n": typeof types.CalendarSourceFieldsFragmentDoc,
    "\n  mutation CalendarSourceSync($id: ID!) {\n    calendarSourceSync(id: $id) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarSourceSyncDocument,
    "\n  mutation CalendarSourceUpdate($id: ID!, $input: CalendarSourceUpdateInput!) {\n    calendarSourceUpdate(id: $id, input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarSourceUpdateDocument,
    "\n  query CalendarSources {\n    calendarSources {\n      ...CalendarSourceFields\n    }\n  }\n": typeof types.CalendarSourcesDocument,
    "\n  mutation CalendarUpload($file: Upload!, $name: String, $allDates: Boolean, $cancelMissing: Boolean) {\n    calendarUpload(file: $file, name: $name, allDates: $allDates, cancelMissing: $cancelMissing) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": typeof types.CalendarUploadDocument,
    "\n  query CustomerPicker($search: String!) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          mobilePhone\n        }\n      }\n    }\n  }\n": typeof types.CustomerPickerDocument,
    "\n  query OwnDomains {\n    me {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n    }\n  }\n": typeof types.OwnDomainsDocument,
    "\n  mutation OwnDomainsUpdate($ownDomains: [String!]!) {\n    accountSettingsUpdate(ownDomains: $ownDomains) {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.OwnDomainsUpdateDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id\n    sourceId\n    startedAt\n    finishedAt\n    eventsSeen\n    appointmentsCreated\n    appointmentsUpdated\n    appointmentsCancelled\n    customersCreated\n    customersMatched\n    eventsOutside\n    eventsIgnored\n    windowStart\n    windowEnd\n    error\n    errorDetail\n  }\n": typeof types.SyncRunFieldsFragmentDoc,
    "\n  subscription SyncRunFinished {\n    syncRunFinished {\n      ...SyncRunFields\n    }\n  }\n": typeof types.SyncRunFinishedDocument,
    "\n  query SyncRuns($sourceId: ID!, $first: Int!) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n": typeof types.SyncRunsDocument,
    "\n  query UnmatchedAppointments($first: Int!, $after: String) {\n    unmatchedAppointments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AppointmentFields\n        }\n      }\n    }\n  }\n": typeof types.UnmatchedAppointmentsDocument,
    "\n  fragment CommunicationFields on Communication {\n    id\n    kind\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    parts\n    language\n    dueAt\n    nextAttemptAt\n    sentAt\n    createdAt\n  }\n": typeof types.CommunicationFieldsFragmentDoc,
    "\n  mutation CustomFieldDefinitionCreate($input: CustomFieldDefinitionCreateInput!) {\n    customFieldDefinitionCreate(input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomFieldDefinitionCreateDocument,
    "\n  mutation CustomFieldDefinitionDelete($id: ID!) {\n    customFieldDefinitionDelete(id: $id) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      archivedInstead\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomFieldDefinitionDeleteDocument,
    "\n  mutation CustomFieldDefinitionUpdate($id: ID!, $input: CustomFieldDefinitionUpdateInput!) {\n    customFieldDefinitionUpdate(id: $id, input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomFieldDefinitionUpdateDocument,
    "\n  fragment CustomFieldDefinitionFields on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    options\n    required\n    inBookingForm\n    archived\n  }\n": typeof types.CustomFieldDefinitionFieldsFragmentDoc,
    "\n  query CustomFieldDefinitions($includeArchived: Boolean! = false) {\n    customFieldDefinitions(includeArchived: $includeArchived) {\n      ...CustomFieldDefinitionFields\n    }\n  }\n": typeof types.CustomFieldDefinitionsDocument,
    "\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n": typeof types.CustomerChangedDocument,
    "\n  mutation CustomerCreate($input: CustomerCreateInput!, $allowSharedPhone: Boolean! = false) {\n    customerCreate(input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n": typeof types.CustomerCreateDocument,
    "\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomerDeleteDocument,
    "\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n": typeof types.CustomerDetailsFieldsFragmentDoc,
    "\n  mutation CustomerErase($id: ID!, $force: Boolean) {\n    customerErase(id: $id, force: $force) {\n      erased\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": typeof types.CustomerEraseDocument,
    "\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n": typeof types.CustomerErrorFieldsFragmentDoc,
    "\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    isBlocked\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n": typeof types.CustomerListItemFieldsFragmentDoc,
    "\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $search: String\n    $searchMode: SearchMode! = IDENTITY\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, search: $search, searchMode: $searchMode, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n        match {\n          score\n          field\n          label\n          value\n          highlight {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerListDocument,
    "\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      nameFromEmail\n      ...CustomerFiguresFields\n      ...CustomerBlockingFields\n      ...CustomerHistoryFields\n      appointments(first: 0) {\n        totalCount\n      }\n      upcomingAppointments: appointments(first: 50, when: UPCOMING, direction: ASC) {\n        ...AppointmentPageFields\n      }\n      pastAppointments: appointments(first: 50, when: PAST, direction: DESC) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n": typeof types.CustomerProfileDocument,
    "\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!, $allowSharedPhone: Boolean! = false) {\n    customerUpdate(id: $id, input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n": typeof types.CustomerUpdateDocument,
    "\n  fragment CustomerWarningFields on CustomerWarning {\n    code\n    field\n    message\n    customer {\n      id\n      displayName\n    }\n  }\n": typeof types.CustomerWarningFieldsFragmentDoc,
    "\n  mutation CandidateDismiss($customerIds: [ID!]!) {\n    candidateDismiss(customerIds: $customerIds) {\n      customerIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CandidateDismissDocument,
    "\n  fragment CustomerMergeErrorFields on CustomerMergeError {\n    field\n    message\n    code\n  }\n": typeof types.CustomerMergeErrorFieldsFragmentDoc,
    "\n  mutation CustomerMerge($keepId: ID!, $mergeId: ID!, $fieldChoices: [CustomerMergeFieldChoice!]) {\n    customerMerge(keepId: $keepId, mergeId: $mergeId, fieldChoices: $fieldChoices) {\n      customer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergeUntil\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n": typeof types.CustomerMergeDocument,
    "\n  query CustomerMergePreview($keepId: ID!, $mergeId: ID!) {\n    customerMergePreview(keepId: $keepId, mergeId: $mergeId) {\n      fields {\n        field\n        keepValue\n        mergeValue\n        default\n      }\n      notKept {\n        field\n        value\n      }\n    }\n  }\n": typeof types.CustomerMergePreviewDocument,
    "\n  mutation CustomerUnmerge($mergeId: ID!) {\n    customerUnmerge(mergeId: $mergeId) {\n      customer {\n        id\n        displayName\n      }\n      restoredCustomer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergedAt\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n": typeof types.CustomerUnmergeDocument,
    "\n  query DuplicateCandidates($first: Int!, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      refreshedAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          customers {\n            ...DuplicateCustomerFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.DuplicateCandidatesDocument,
    "\n  fragment DuplicateCustomerFields on Customer {\n    id\n    displayName\n    email\n    mobilePhoneDisplay\n    landlinePhoneDisplay\n    dateOfBirth\n    company\n    createdAt\n    appointments(first: 0) {\n      totalCount\n    }\n  }\n": typeof types.DuplicateCustomerFieldsFragmentDoc,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    actorName\n    action\n    changes {\n      field\n      from\n      to\n    }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  fragment CustomerHistoryFields on Customer {\n    id\n    history(first: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n": typeof types.CustomerHistoryFieldsFragmentDoc,
    "\n  query CustomerHistoryPage($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerHistoryPageDocument,
    "\n  mutation CustomerImportCancel($jobId: ID!) {\n    customerImportCancel(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": typeof types.CustomerImportCancelDocument,
    "\n  mutation CustomerImportCommit($input: CustomerImportCommitInput!) {\n    customerImportCommit(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": typeof types.CustomerImportCommitDocument,
    "\n  fragment CustomerImportPayloadFields on CustomerImportPayload {\n    job {\n      ...ImportJobFields\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n": typeof types.CustomerImportPayloadFieldsFragmentDoc,
    "\n  mutation CustomerImportPreview($input: CustomerImportPreviewInput!) {\n    customerImportPreview(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": typeof types.CustomerImportPreviewDocument,
    "\n  mutation CustomerImportUndo($jobId: ID!) {\n    customerImportUndo(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": typeof types.CustomerImportUndoDocument,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    sheet\n    sheets\n    headerRow\n    columns {\n      index\n      header\n      target\n      suggested\n      samples\n    }\n    targets {\n      key\n      label\n    }\n    previewRows {\n      rowNumber\n      values {\n        target\n        value\n      }\n      errors {\n        field\n        code\n        message\n      }\n      duplicate {\n        kind\n        rowNumber\n        customerId\n        customer {\n          id\n          displayName\n        }\n      }\n    }\n    counts {\n      rows\n      valid\n      rejected\n      duplicatesInFile\n      existing\n      created\n      updated\n      skipped\n    }\n    duplicates\n    errorPolicy\n    progress {\n      phase\n      processedRows\n      fraction\n    }\n    rejectedRowsUrl\n    error\n    createdAt\n    finishedAt\n    canUndo\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.ImportProgressDocument,
    "\n  query LifecycleSettings {\n    me {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n    }\n    lifecycleRuns(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          months\n          startedAt\n          finishedAt\n          count\n          skippedCount\n          error\n        }\n      }\n    }\n  }\n": typeof types.LifecycleSettingsDocument,
    "\n  mutation LifecycleSettingsUpdate($archiveAfterMonths: Int, $eraseAfterMonths: Int) {\n    accountSettingsUpdate(archiveAfterMonths: $archiveAfterMonths, eraseAfterMonths: $eraseAfterMonths) {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.LifecycleSettingsUpdateDocument,
    "\n  mutation CommunicationResend($id: ID!) {\n    communicationResend(id: $id) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": typeof types.CommunicationResendDocument,
    "\n  query CustomerCommunications($id: ID!, $first: Int!, $after: String, $medium: Medium, $status: DeliveryStatus) {\n    customer(id: $id) {\n      id\n      communications(first: $first, after: $after, medium: $medium, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommunicationFields\n            appointment {\n              id\n              startsAt\n              title\n              services\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerCommunicationsDocument,
    "\n  fragment MessageErrorFields on MessageError {\n    field\n    message\n    code\n  }\n": typeof types.MessageErrorFieldsFragmentDoc,
    "\n  mutation MessageSend($customerId: ID!, $medium: Medium!, $subject: String, $body: String!, $appointmentId: ID) {\n    messageSend(customerId: $customerId, medium: $medium, subject: $subject, body: $body, appointmentId: $appointmentId) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": typeof types.MessageSendDocument,
    "\n  query MessageSettings {\n    me {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n    }\n  }\n": typeof types.MessageSettingsDocument,
    "\n  mutation MessageSettingsUpdate($reminderHours: [Int!], $timeZone: String) {\n    accountSettingsUpdate(reminderHours: $reminderHours, timeZone: $timeZone) {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.MessageSettingsUpdateDocument,
    "\n  fragment MessageTemplateFields on MessageTemplate {\n    kind\n    language\n    subject\n    body\n    sms\n    custom\n    updatedAt\n  }\n": typeof types.MessageTemplateFieldsFragmentDoc,
    "\n  query MessageTemplatePreview($kind: MessageKind!, $language: String!, $subject: String, $body: String, $sms: String) {\n    messageTemplatePreview(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      subject\n      text\n      sms\n      problems {\n        field\n        message\n      }\n      variables\n    }\n  }\n": typeof types.MessageTemplatePreviewDocument,
    "\n  mutation MessageTemplateReset($kind: MessageKind!, $language: String!) {\n    messageTemplateReset(kind: $kind, language: $language) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": typeof types.MessageTemplateResetDocument,
    "\n  mutation MessageTemplateUpdate($kind: MessageKind!, $language: String!, $subject: String!, $body: String!, $sms: String!) {\n    messageTemplateUpdate(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": typeof types.MessageTemplateUpdateDocument,
    "\n  query MessageTemplates {\n    messageTemplates {\n      ...MessageTemplateFields\n    }\n  }\n": typeof types.MessageTemplatesDocument,
    "\n  query Preferences($token: String!) {\n    preferences(token: $token) {\n      businessName\n      firstName\n      email\n      mobilePhone\n      emailEnabled\n      smsEnabled\n      preferredMedium\n      preferredLanguage\n      languages\n    }\n  }\n": typeof types.PreferencesDocument,
    "\n  mutation PreferencesUpdate($token: String!, $input: PreferencesInput!) {\n    preferencesUpdate(token: $token, input: $input) {\n      preferences {\n        businessName\n        firstName\n        email\n        mobilePhone\n        emailEnabled\n        smsEnabled\n        preferredMedium\n        preferredLanguage\n        languages\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PreferencesUpdateDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      me {\n        ...SessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n      slug\n      bookingBlockedMessage\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation ApiTokenCreate($name: String!, $permissions: [Permission!]!) {\n    apiTokenCreate(name: $name, permissions: $permissions) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      token\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.ApiTokenCreateDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    permissions\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.ApiTokenRevokeDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  fragment AccountErrorFields on AccountError {\n    field\n    message\n    code\n  }\n": typeof types.AccountErrorFieldsFragmentDoc,
    "\n  mutation RoleCreate($name: String!, $permissions: [Permission!]!) {\n    roleCreate(name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.RoleCreateDocument,
    "\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      role {\n        id\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.RoleDeleteDocument,
    "\n  fragment RoleFields on Role {\n    id\n    name\n    permissions\n    builtin\n  }\n": typeof types.RoleFieldsFragmentDoc,
    "\n  mutation RoleUpdate($id: ID!, $name: String, $permissions: [Permission!]) {\n    roleUpdate(id: $id, name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.RoleUpdateDocument,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    name\n    role {\n      id\n      name\n    }\n    isActive\n    createdAt\n    lastLoginAt\n  }\n": typeof types.StaffUserFieldsFragmentDoc,
    "\n  mutation UserCreate($input: UserCreateInput!) {\n    userCreate(input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.UserCreateDocument,
    "\n  mutation UserUpdate($id: ID!, $input: UserUpdateInput!) {\n    userUpdate(id: $id, input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": typeof types.UserUpdateDocument,
    "\n  query UsersAndRoles {\n    users {\n      ...StaffUserFields\n    }\n    roles {\n      ...RoleFields\n    }\n  }\n": typeof types.UsersAndRolesDocument,
};
const documents: Documents = {
    "\n  mutation AppointmentCancel($id: ID!, $reason: String) {\n    appointmentCancel(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentCancelDocument,
    "\n  mutation AppointmentComplete($id: ID!) {\n    appointmentComplete(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentCompleteDocument,
    "\n  mutation AppointmentConfirm($id: ID!) {\n    appointmentConfirm(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentConfirmDocument,
    "\n  mutation AppointmentCreate($input: AppointmentCreateInput!) {\n    appointmentCreate(input: $input) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentCreateDocument,
    "\n  mutation AppointmentDecline($id: ID!, $reason: String) {\n    appointmentDecline(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentDeclineDocument,
    "\n  fragment AppointmentErrorFields on AppointmentError {\n    field\n    message\n    code\n  }\n": types.AppointmentErrorFieldsFragmentDoc,
    "\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n    notes\n    cancellationReason\n    source\n    readOnlyReason\n  }\n": types.AppointmentFieldsFragmentDoc,
    "\n  mutation AppointmentMarkNoShow($id: ID!) {\n    appointmentMarkNoShow(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentMarkNoShowDocument,
    "\n  fragment AppointmentPageFields on AppointmentConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...AppointmentFields\n        communications(first: 50) {\n          totalCount\n          edges {\n            node {\n              ...CommunicationFields\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AppointmentPageFieldsFragmentDoc,
    "\n  fragment AppointmentPayloadFields on AppointmentPayload {\n    appointment {\n      ...DashboardAppointmentFields\n    }\n    customerBlocked\n    userErrors {\n      ...AppointmentErrorFields\n    }\n  }\n": types.AppointmentPayloadFieldsFragmentDoc,
    "\n  mutation AppointmentReschedule($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {\n    appointmentReschedule(id: $id, startsAt: $startsAt, endsAt: $endsAt) {\n      ...AppointmentPayloadFields\n    }\n  }\n": types.AppointmentRescheduleDocument,
    "\n  subscription AppointmentSynced {\n    appointmentSynced {\n      ...DashboardAppointmentFields\n    }\n  }\n": types.AppointmentSyncedDocument,
    "\n  subscription CustomerAppointmentSynced($customerId: ID!) {\n    appointmentSynced(customerId: $customerId) {\n      ...AppointmentFields\n    }\n  }\n": types.CustomerAppointmentSyncedDocument,
    "\n  query CustomerAppointmentsPage($id: ID!, $when: AppointmentWhen!, $direction: SortDirection!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      appointments(first: $first, after: $after, when: $when, direction: $direction) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n": types.CustomerAppointmentsPageDocument,
    "\n  fragment CustomerFiguresFields on Customer {\n    visitCount\n    noShowCount\n    cancellationCount\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n      status\n    }\n  }\n": types.CustomerFiguresFieldsFragmentDoc,
    "\n  fragment DashboardAppointmentFields on Appointment {\n    ...AppointmentFields\n    createdAt\n    updatedAt\n    customer {\n      id\n      displayName\n    }\n  }\n": types.DashboardAppointmentFieldsFragmentDoc,
    "\n  query UpcomingAppointments($from: DateTime!, $first: Int!) {\n    upcomingAppointments(from: $from, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...DashboardAppointmentFields\n        }\n      }\n    }\n  }\n": types.UpcomingAppointmentsDocument,
    "\n  mutation AccountSettingsUpdate($bookingBlockedMessage: String!) {\n    accountSettingsUpdate(bookingBlockedMessage: $bookingBlockedMessage) {\n      account {\n        name\n        slug\n        bookingBlockedMessage\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.AccountSettingsUpdateDocument,
    "\n  fragment BlockErrorFields on BlockError {\n    field\n    message\n    code\n  }\n": types.BlockErrorFieldsFragmentDoc,
    "\n  mutation BlockRuleCreate($kind: BlockKind!, $value: String!, $reason: String!) {\n    blockRuleCreate(kind: $kind, value: $value, reason: $reason) {\n      blockRules {\n        ...BlockRuleFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": types.BlockRuleCreateDocument,
    "\n  mutation BlockRuleDelete($id: ID!) {\n    blockRuleDelete(id: $id) {\n      removedCount\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": types.BlockRuleDeleteDocument,
    "\n  fragment BlockRuleFields on BlockRule {\n    id\n    kind\n    value\n    reason\n    authorName\n    createdAt\n  }\n": types.BlockRuleFieldsFragmentDoc,
    "\n  query BlockRules {\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n": types.BlockRulesDocument,
    "\n  query BlockedBookingAttempts($first: Int!, $after: String) {\n    blockedBookingAttempts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          phone\n          ip\n          ruleId\n          createdAt\n        }\n      }\n    }\n  }\n": types.BlockedBookingAttemptsDocument,
    "\n  mutation CustomerBlock($id: ID!, $reason: String!) {\n    customerBlock(id: $id, reason: $reason) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": types.CustomerBlockDocument,
    "\n  fragment CustomerBlockingFields on Customer {\n    id\n    isBlocked\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n": types.CustomerBlockingFieldsFragmentDoc,
    "\n  mutation CustomerUnblock($id: ID!) {\n    customerUnblock(id: $id) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n": types.CustomerUnblockDocument,
    "\n  query BookingFormFields($accountSlug: String!) {\n    bookingFormFields(accountSlug: $accountSlug) {\n      id\n      key\n      label\n      type\n      options\n      required\n    }\n  }\n": types.BookingFormFieldsDocument,
    "\n  mutation PublicBookingCreate($input: BookingCreateInput!) {\n    bookingCreate(input: $input) {\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PublicBookingCreateDocument,
    "\n  mutation AppointmentLinkCustomer($appointmentId: ID!, $customerId: ID!) {\n    appointmentLinkCustomer(appointmentId: $appointmentId, customerId: $customerId) {\n      appointment {\n        ...DashboardAppointmentFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.AppointmentLinkCustomerDocument,
    "\n  fragment CalendarErrorFields on CalendarError {\n    field\n    message\n    code\n  }\n": types.CalendarErrorFieldsFragmentDoc,
    "\n  mutation CalendarIgnoreRuleCreate($titleContains: String!) {\n    calendarIgnoreRuleCreate(titleContains: $titleContains) {\n      rule {\n        ...CalendarIgnoreRuleFields\n      }\n      removedAppointments\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarIgnoreRuleCreateDocument,
    "\n  mutation CalendarIgnoreRuleDelete($id: ID!) {\n    calendarIgnoreRuleDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarIgnoreRuleDeleteDocument,
    "\n  fragment CalendarIgnoreRuleFields on CalendarIgnoreRule {\n    id\n    titleContains\n    createdAt\n  }\n": types.CalendarIgnoreRuleFieldsFragmentDoc,
    "\n  query CalendarIgnoreRules {\n    calendarIgnoreRules {\n      ...CalendarIgnoreRuleFields\n    }\n  }\n": types.CalendarIgnoreRulesDocument,
    "\n  mutation CalendarSourceCreate($input: CalendarSourceInput!) {\n    calendarSourceCreate(input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarSourceCreateDocument,
    "\n  mutation CalendarSourceDelete($id: ID!) {\n    calendarSourceDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarSourceDeleteDocument,
    "\n  fragment CalendarSourceFields on CalendarSource {\n    id\n    name\n    kind\n    url\n    pollMinutes\n    windowPastDays\n    windowFutureDays\n    ownDomains\n    allDates\n    cancelMissing\n    lastSyncedAt\n    createdAt\n  }\n": types.CalendarSourceFieldsFragmentDoc,
    "\n  mutation CalendarSourceSync($id: ID!) {\n    calendarSourceSync(id: $id) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarSourceSyncDocument,
    "\n  mutation CalendarSourceUpdate($id: ID!, $input: CalendarSourceUpdateInput!) {\n    calendarSourceUpdate(id: $id, input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarSourceUpdateDocument,
    "\n  query CalendarSources {\n    calendarSources {\n      ...CalendarSourceFields\n    }\n  }\n": types.CalendarSourcesDocument,
    "\n  mutation CalendarUpload($file: Upload!, $name: String, $allDates: Boolean, $cancelMissing: Boolean) {\n    calendarUpload(file: $file, name: $name, allDates: $allDates, cancelMissing: $cancelMissing) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n": types.CalendarUploadDocument,
    "\n  query CustomerPicker($search: String!) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          mobilePhone\n        }\n      }\n    }\n  }\n": types.CustomerPickerDocument,
    "\n  query OwnDomains {\n    me {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n    }\n  }\n": types.OwnDomainsDocument,
    "\n  mutation OwnDomainsUpdate($ownDomains: [String!]!) {\n    accountSettingsUpdate(ownDomains: $ownDomains) {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.OwnDomainsUpdateDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id\n    sourceId\n    startedAt\n    finishedAt\n    eventsSeen\n    appointmentsCreated\n    appointmentsUpdated\n    appointmentsCancelled\n    customersCreated\n    customersMatched\n    eventsOutside\n    eventsIgnored\n    windowStart\n    windowEnd\n    error\n    errorDetail\n  }\n": types.SyncRunFieldsFragmentDoc,
    "\n  subscription SyncRunFinished {\n    syncRunFinished {\n      ...SyncRunFields\n    }\n  }\n": types.SyncRunFinishedDocument,
    "\n  query SyncRuns($sourceId: ID!, $first: Int!) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n": types.SyncRunsDocument,
    "\n  query UnmatchedAppointments($first: Int!, $after: String) {\n    unmatchedAppointments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AppointmentFields\n        }\n      }\n    }\n  }\n": types.UnmatchedAppointmentsDocument,
    "\n  fragment CommunicationFields on Communication {\n    id\n    kind\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    parts\n    language\n    dueAt\n    nextAttemptAt\n    sentAt\n    createdAt\n  }\n": types.CommunicationFieldsFragmentDoc,
    "\n  mutation CustomFieldDefinitionCreate($input: CustomFieldDefinitionCreateInput!) {\n    customFieldDefinitionCreate(input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomFieldDefinitionCreateDocument,
    "\n  mutation CustomFieldDefinitionDelete($id: ID!) {\n    customFieldDefinitionDelete(id: $id) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      archivedInstead\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomFieldDefinitionDeleteDocument,
    "\n  mutation CustomFieldDefinitionUpdate($id: ID!, $input: CustomFieldDefinitionUpdateInput!) {\n    customFieldDefinitionUpdate(id: $id, input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomFieldDefinitionUpdateDocument,
    "\n  fragment CustomFieldDefinitionFields on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    options\n    required\n    inBookingForm\n    archived\n  }\n": types.CustomFieldDefinitionFieldsFragmentDoc,
    "\n  query CustomFieldDefinitions($includeArchived: Boolean! = false) {\n    customFieldDefinitions(includeArchived: $includeArchived) {\n      ...CustomFieldDefinitionFields\n    }\n  }\n": types.CustomFieldDefinitionsDocument,
    "\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n": types.CustomerChangedDocument,
    "\n  mutation CustomerCreate($input: CustomerCreateInput!, $allowSharedPhone: Boolean! = false) {\n    customerCreate(input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n": types.CustomerCreateDocument,
    "\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomerDeleteDocument,
    "\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n": types.CustomerDetailsFieldsFragmentDoc,
    "\n  mutation CustomerErase($id: ID!, $force: Boolean) {\n    customerErase(id: $id, force: $force) {\n      erased\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n": types.CustomerEraseDocument,
    "\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n": types.CustomerErrorFieldsFragmentDoc,
    "\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    isBlocked\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n": types.CustomerListItemFieldsFragmentDoc,
    "\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $search: String\n    $searchMode: SearchMode! = IDENTITY\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, search: $search, searchMode: $searchMode, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n        match {\n          score\n          field\n          label\n          value\n          highlight {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n": types.CustomerListDocument,
    "\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      nameFromEmail\n      ...CustomerFiguresFields\n      ...CustomerBlockingFields\n      ...CustomerHistoryFields\n      appointments(first: 0) {\n        totalCount\n      }\n      upcomingAppointments: appointments(first: 50, when: UPCOMING, direction: ASC) {\n        ...AppointmentPageFields\n      }\n      pastAppointments: appointments(first: 50, when: PAST, direction: DESC) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n": types.CustomerProfileDocument,
    "\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!, $allowSharedPhone: Boolean! = false) {\n    customerUpdate(id: $id, input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n": types.CustomerUpdateDocument,
    "\n  fragment CustomerWarningFields on CustomerWarning {\n    code\n    field\n    message\n    customer {\n      id\n      displayName\n    }\n  }\n": types.CustomerWarningFieldsFragmentDoc,
    "\n  mutation CandidateDismiss($customerIds: [ID!]!) {\n    candidateDismiss(customerIds: $customerIds) {\n      customerIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CandidateDismissDocument,
    "\n  fragment CustomerMergeErrorFields on CustomerMergeError {\n    field\n    message\n    code\n  }\n": types.CustomerMergeErrorFieldsFragmentDoc,
    "\n  mutation CustomerMerge($keepId: ID!, $mergeId: ID!, $fieldChoices: [CustomerMergeFieldChoice!]) {\n    customerMerge(keepId: $keepId, mergeId: $mergeId, fieldChoices: $fieldChoices) {\n      customer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergeUntil\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n": types.CustomerMergeDocument,
    "\n  query CustomerMergePreview($keepId: ID!, $mergeId: ID!) {\n    customerMergePreview(keepId: $keepId, mergeId: $mergeId) {\n      fields {\n        field\n        keepValue\n        mergeValue\n        default\n      }\n      notKept {\n        field\n        value\n      }\n    }\n  }\n": types.CustomerMergePreviewDocument,
    "\n  mutation CustomerUnmerge($mergeId: ID!) {\n    customerUnmerge(mergeId: $mergeId) {\n      customer {\n        id\n        displayName\n      }\n      restoredCustomer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergedAt\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n": types.CustomerUnmergeDocument,
    "\n  query DuplicateCandidates($first: Int!, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      refreshedAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          customers {\n            ...DuplicateCustomerFields\n          }\n        }\n      }\n    }\n  }\n": types.DuplicateCandidatesDocument,
    "\n  fragment DuplicateCustomerFields on Customer {\n    id\n    displayName\n    email\n    mobilePhoneDisplay\n    landlinePhoneDisplay\n    dateOfBirth\n    company\n    createdAt\n    appointments(first: 0) {\n      totalCount\n    }\n  }\n": types.DuplicateCustomerFieldsFragmentDoc,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    actorName\n    action\n    changes {\n      field\n      from\n      to\n    }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  fragment CustomerHistoryFields on Customer {\n    id\n    history(first: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n": types.CustomerHistoryFieldsFragmentDoc,
    "\n  query CustomerHistoryPage($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n": types.CustomerHistoryPageDocument,
    "\n  mutation CustomerImportCancel($jobId: ID!) {\n    customerImportCancel(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": types.CustomerImportCancelDocument,
    "\n  mutation CustomerImportCommit($input: CustomerImportCommitInput!) {\n    customerImportCommit(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": types.CustomerImportCommitDocument,
    "\n  fragment CustomerImportPayloadFields on CustomerImportPayload {\n    job {\n      ...ImportJobFields\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n": types.CustomerImportPayloadFieldsFragmentDoc,
    "\n  mutation CustomerImportPreview($input: CustomerImportPreviewInput!) {\n    customerImportPreview(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": types.CustomerImportPreviewDocument,
    "\n  mutation CustomerImportUndo($jobId: ID!) {\n    customerImportUndo(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n": types.CustomerImportUndoDocument,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    sheet\n    sheets\n    headerRow\n    columns {\n      index\n      header\n      target\n      suggested\n      samples\n    }\n    targets {\n      key\n      label\n    }\n    previewRows {\n      rowNumber\n      values {\n        target\n        value\n      }\n      errors {\n        field\n        code\n        message\n      }\n      duplicate {\n        kind\n        rowNumber\n        customerId\n        customer {\n          id\n          displayName\n        }\n      }\n    }\n    counts {\n      rows\n      valid\n      rejected\n      duplicatesInFile\n      existing\n      created\n      updated\n      skipped\n    }\n    duplicates\n    errorPolicy\n    progress {\n      phase\n      processedRows\n      fraction\n    }\n    rejectedRowsUrl\n    error\n    createdAt\n    finishedAt\n    canUndo\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": types.ImportJobDocument,
    "\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n": types.ImportProgressDocument,
    "\n  query LifecycleSettings {\n    me {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n    }\n    lifecycleRuns(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          months\n          startedAt\n          finishedAt\n          count\n          skippedCount\n          error\n        }\n      }\n    }\n  }\n": types.LifecycleSettingsDocument,
    "\n  mutation LifecycleSettingsUpdate($archiveAfterMonths: Int, $eraseAfterMonths: Int) {\n    accountSettingsUpdate(archiveAfterMonths: $archiveAfterMonths, eraseAfterMonths: $eraseAfterMonths) {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.LifecycleSettingsUpdateDocument,
    "\n  mutation CommunicationResend($id: ID!) {\n    communicationResend(id: $id) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": types.CommunicationResendDocument,
    "\n  query CustomerCommunications($id: ID!, $first: Int!, $after: String, $medium: Medium, $status: DeliveryStatus) {\n    customer(id: $id) {\n      id\n      communications(first: $first, after: $after, medium: $medium, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommunicationFields\n            appointment {\n              id\n              startsAt\n              title\n              services\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CustomerCommunicationsDocument,
    "\n  fragment MessageErrorFields on MessageError {\n    field\n    message\n    code\n  }\n": types.MessageErrorFieldsFragmentDoc,
    "\n  mutation MessageSend($customerId: ID!, $medium: Medium!, $subject: String, $body: String!, $appointmentId: ID) {\n    messageSend(customerId: $customerId, medium: $medium, subject: $subject, body: $body, appointmentId: $appointmentId) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": types.MessageSendDocument,
    "\n  query MessageSettings {\n    me {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n    }\n  }\n": types.MessageSettingsDocument,
    "\n  mutation MessageSettingsUpdate($reminderHours: [Int!], $timeZone: String) {\n    accountSettingsUpdate(reminderHours: $reminderHours, timeZone: $timeZone) {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.MessageSettingsUpdateDocument,
    "\n  fragment MessageTemplateFields on MessageTemplate {\n    kind\n    language\n    subject\n    body\n    sms\n    custom\n    updatedAt\n  }\n": types.MessageTemplateFieldsFragmentDoc,
    "\n  query MessageTemplatePreview($kind: MessageKind!, $language: String!, $subject: String, $body: String, $sms: String) {\n    messageTemplatePreview(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      subject\n      text\n      sms\n      problems {\n        field\n        message\n      }\n      variables\n    }\n  }\n": types.MessageTemplatePreviewDocument,
    "\n  mutation MessageTemplateReset($kind: MessageKind!, $language: String!) {\n    messageTemplateReset(kind: $kind, language: $language) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": types.MessageTemplateResetDocument,
    "\n  mutation MessageTemplateUpdate($kind: MessageKind!, $language: String!, $subject: String!, $body: String!, $sms: String!) {\n    messageTemplateUpdate(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n": types.MessageTemplateUpdateDocument,
    "\n  query MessageTemplates {\n    messageTemplates {\n      ...MessageTemplateFields\n    }\n  }\n": types.MessageTemplatesDocument,
    "\n  query Preferences($token: String!) {\n    preferences(token: $token) {\n      businessName\n      firstName\n      email\n      mobilePhone\n      emailEnabled\n      smsEnabled\n      preferredMedium\n      preferredLanguage\n      languages\n    }\n  }\n": types.PreferencesDocument,
    "\n  mutation PreferencesUpdate($token: String!, $input: PreferencesInput!) {\n    preferencesUpdate(token: $token, input: $input) {\n      preferences {\n        businessName\n        firstName\n        email\n        mobilePhone\n        emailEnabled\n        smsEnabled\n        preferredMedium\n        preferredLanguage\n        languages\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PreferencesUpdateDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      me {\n        ...SessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionFields\n    }\n  }\n": types.MeDocument,
    "\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n      slug\n      bookingBlockedMessage\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation ApiTokenCreate($name: String!, $permissions: [Permission!]!) {\n    apiTokenCreate(name: $name, permissions: $permissions) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      token\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.ApiTokenCreateDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    permissions\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.ApiTokenRevokeDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  fragment AccountErrorFields on AccountError {\n    field\n    message\n    code\n  }\n": types.AccountErrorFieldsFragmentDoc,
    "\n  mutation RoleCreate($name: String!, $permissions: [Permission!]!) {\n    roleCreate(name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.RoleCreateDocument,
    "\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      role {\n        id\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.RoleDeleteDocument,
    "\n  fragment RoleFields on Role {\n    id\n    name\n    permissions\n    builtin\n  }\n": types.RoleFieldsFragmentDoc,
    "\n  mutation RoleUpdate($id: ID!, $name: String, $permissions: [Permission!]) {\n    roleUpdate(id: $id, name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.RoleUpdateDocument,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    name\n    role {\n      id\n      name\n    }\n    isActive\n    createdAt\n    lastLoginAt\n  }\n": types.StaffUserFieldsFragmentDoc,
    "\n  mutation UserCreate($input: UserCreateInput!) {\n    userCreate(input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.UserCreateDocument,
    "\n  mutation UserUpdate($id: ID!, $input: UserUpdateInput!) {\n    userUpdate(id: $id, input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n": types.UserUpdateDocument,
    "\n  query UsersAndRoles {\n    users {\n      ...StaffUserFields\n    }\n    roles {\n      ...RoleFields\n    }\n  }\n": types.UsersAndRolesDocument,
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
export function graphql(source: "\n  mutation AppointmentCancel($id: ID!, $reason: String) {\n    appointmentCancel(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentCancel($id: ID!, $reason: String) {\n    appointmentCancel(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentComplete($id: ID!) {\n    appointmentComplete(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentComplete($id: ID!) {\n    appointmentComplete(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentConfirm($id: ID!) {\n    appointmentConfirm(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentConfirm($id: ID!) {\n    appointmentConfirm(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentCreate($input: AppointmentCreateInput!) {\n    appointmentCreate(input: $input) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentCreate($input: AppointmentCreateInput!) {\n    appointmentCreate(input: $input) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentDecline($id: ID!, $reason: String) {\n    appointmentDecline(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentDecline($id: ID!, $reason: String) {\n    appointmentDecline(id: $id, reason: $reason) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentErrorFields on AppointmentError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment AppointmentErrorFields on AppointmentError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n    notes\n    cancellationReason\n    source\n    readOnlyReason\n  }\n"): (typeof documents)["\n  fragment AppointmentFields on Appointment {\n    id\n    title\n    services\n    startsAt\n    endsAt\n    allDay\n    location\n    status\n    notes\n    cancellationReason\n    source\n    readOnlyReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentMarkNoShow($id: ID!) {\n    appointmentMarkNoShow(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentMarkNoShow($id: ID!) {\n    appointmentMarkNoShow(id: $id) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentPageFields on AppointmentConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...AppointmentFields\n        communications(first: 50) {\n          totalCount\n          edges {\n            node {\n              ...CommunicationFields\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AppointmentPageFields on AppointmentConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...AppointmentFields\n        communications(first: 50) {\n          totalCount\n          edges {\n            node {\n              ...CommunicationFields\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentPayloadFields on AppointmentPayload {\n    appointment {\n      ...DashboardAppointmentFields\n    }\n    customerBlocked\n    userErrors {\n      ...AppointmentErrorFields\n    }\n  }\n"): (typeof documents)["\n  fragment AppointmentPayloadFields on AppointmentPayload {\n    appointment {\n      ...DashboardAppointmentFields\n    }\n    customerBlocked\n    userErrors {\n      ...AppointmentErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentReschedule($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {\n    appointmentReschedule(id: $id, startsAt: $startsAt, endsAt: $endsAt) {\n      ...AppointmentPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentReschedule($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {\n    appointmentReschedule(id: $id, startsAt: $startsAt, endsAt: $endsAt) {\n      ...AppointmentPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AppointmentSynced {\n    appointmentSynced {\n      ...DashboardAppointmentFields\n    }\n  }\n"): (typeof documents)["\n  subscription AppointmentSynced {\n    appointmentSynced {\n      ...DashboardAppointmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CustomerAppointmentSynced($customerId: ID!) {\n    appointmentSynced(customerId: $customerId) {\n      ...AppointmentFields\n    }\n  }\n"): (typeof documents)["\n  subscription CustomerAppointmentSynced($customerId: ID!) {\n    appointmentSynced(customerId: $customerId) {\n      ...AppointmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerAppointmentsPage($id: ID!, $when: AppointmentWhen!, $direction: SortDirection!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      appointments(first: $first, after: $after, when: $when, direction: $direction) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerAppointmentsPage($id: ID!, $when: AppointmentWhen!, $direction: SortDirection!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      appointments(first: $first, after: $after, when: $when, direction: $direction) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerFiguresFields on Customer {\n    visitCount\n    noShowCount\n    cancellationCount\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerFiguresFields on Customer {\n    visitCount\n    noShowCount\n    cancellationCount\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardAppointmentFields on Appointment {\n    ...AppointmentFields\n    createdAt\n    updatedAt\n    customer {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardAppointmentFields on Appointment {\n    ...AppointmentFields\n    createdAt\n    updatedAt\n    customer {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpcomingAppointments($from: DateTime!, $first: Int!) {\n    upcomingAppointments(from: $from, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...DashboardAppointmentFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UpcomingAppointments($from: DateTime!, $first: Int!) {\n    upcomingAppointments(from: $from, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...DashboardAppointmentFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountSettingsUpdate($bookingBlockedMessage: String!) {\n    accountSettingsUpdate(bookingBlockedMessage: $bookingBlockedMessage) {\n      account {\n        name\n        slug\n        bookingBlockedMessage\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountSettingsUpdate($bookingBlockedMessage: String!) {\n    accountSettingsUpdate(bookingBlockedMessage: $bookingBlockedMessage) {\n      account {\n        name\n        slug\n        bookingBlockedMessage\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlockErrorFields on BlockError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment BlockErrorFields on BlockError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockRuleCreate($kind: BlockKind!, $value: String!, $reason: String!) {\n    blockRuleCreate(kind: $kind, value: $value, reason: $reason) {\n      blockRules {\n        ...BlockRuleFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BlockRuleCreate($kind: BlockKind!, $value: String!, $reason: String!) {\n    blockRuleCreate(kind: $kind, value: $value, reason: $reason) {\n      blockRules {\n        ...BlockRuleFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockRuleDelete($id: ID!) {\n    blockRuleDelete(id: $id) {\n      removedCount\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BlockRuleDelete($id: ID!) {\n    blockRuleDelete(id: $id) {\n      removedCount\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlockRuleFields on BlockRule {\n    id\n    kind\n    value\n    reason\n    authorName\n    createdAt\n  }\n"): (typeof documents)["\n  fragment BlockRuleFields on BlockRule {\n    id\n    kind\n    value\n    reason\n    authorName\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockRules {\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n"): (typeof documents)["\n  query BlockRules {\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockedBookingAttempts($first: Int!, $after: String) {\n    blockedBookingAttempts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          phone\n          ip\n          ruleId\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BlockedBookingAttempts($first: Int!, $after: String) {\n    blockedBookingAttempts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          phone\n          ip\n          ruleId\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerBlock($id: ID!, $reason: String!) {\n    customerBlock(id: $id, reason: $reason) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerBlock($id: ID!, $reason: String!) {\n    customerBlock(id: $id, reason: $reason) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerBlockingFields on Customer {\n    id\n    isBlocked\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerBlockingFields on Customer {\n    id\n    isBlocked\n    blockRules {\n      ...BlockRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerUnblock($id: ID!) {\n    customerUnblock(id: $id) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerUnblock($id: ID!) {\n    customerUnblock(id: $id) {\n      customer {\n        ...CustomerBlockingFields\n        ...CustomerHistoryFields\n      }\n      userErrors {\n        ...BlockErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingFormFields($accountSlug: String!) {\n    bookingFormFields(accountSlug: $accountSlug) {\n      id\n      key\n      label\n      type\n      options\n      required\n    }\n  }\n"): (typeof documents)["\n  query BookingFormFields($accountSlug: String!) {\n    bookingFormFields(accountSlug: $accountSlug) {\n      id\n      key\n      label\n      type\n      options\n      required\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicBookingCreate($input: BookingCreateInput!) {\n    bookingCreate(input: $input) {\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublicBookingCreate($input: BookingCreateInput!) {\n    bookingCreate(input: $input) {\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentLinkCustomer($appointmentId: ID!, $customerId: ID!) {\n    appointmentLinkCustomer(appointmentId: $appointmentId, customerId: $customerId) {\n      appointment {\n        ...DashboardAppointmentFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentLinkCustomer($appointmentId: ID!, $customerId: ID!) {\n    appointmentLinkCustomer(appointmentId: $appointmentId, customerId: $customerId) {\n      appointment {\n        ...DashboardAppointmentFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarErrorFields on CalendarError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment CalendarErrorFields on CalendarError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarIgnoreRuleCreate($titleContains: String!) {\n    calendarIgnoreRuleCreate(titleContains: $titleContains) {\n      rule {\n        ...CalendarIgnoreRuleFields\n      }\n      removedAppointments\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarIgnoreRuleCreate($titleContains: String!) {\n    calendarIgnoreRuleCreate(titleContains: $titleContains) {\n      rule {\n        ...CalendarIgnoreRuleFields\n      }\n      removedAppointments\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarIgnoreRuleDelete($id: ID!) {\n    calendarIgnoreRuleDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarIgnoreRuleDelete($id: ID!) {\n    calendarIgnoreRuleDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarIgnoreRuleFields on CalendarIgnoreRule {\n    id\n    titleContains\n    createdAt\n  }\n"): (typeof documents)["\n  fragment CalendarIgnoreRuleFields on CalendarIgnoreRule {\n    id\n    titleContains\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarIgnoreRules {\n    calendarIgnoreRules {\n      ...CalendarIgnoreRuleFields\n    }\n  }\n"): (typeof documents)["\n  query CalendarIgnoreRules {\n    calendarIgnoreRules {\n      ...CalendarIgnoreRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarSourceCreate($input: CalendarSourceInput!) {\n    calendarSourceCreate(input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarSourceCreate($input: CalendarSourceInput!) {\n    calendarSourceCreate(input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarSourceDelete($id: ID!) {\n    calendarSourceDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarSourceDelete($id: ID!) {\n    calendarSourceDelete(id: $id) {\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarSourceFields on CalendarSource {\n    id\n    name\n    kind\n    url\n    pollMinutes\n    windowPastDays\n    windowFutureDays\n    ownDomains\n    allDates\n    cancelMissing\n    lastSyncedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment CalendarSourceFields on CalendarSource {\n    id\n    name\n    kind\n    url\n    pollMinutes\n    windowPastDays\n    windowFutureDays\n    ownDomains\n    allDates\n    cancelMissing\n    lastSyncedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarSourceSync($id: ID!) {\n    calendarSourceSync(id: $id) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarSourceSync($id: ID!) {\n    calendarSourceSync(id: $id) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarSourceUpdate($id: ID!, $input: CalendarSourceUpdateInput!) {\n    calendarSourceUpdate(id: $id, input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarSourceUpdate($id: ID!, $input: CalendarSourceUpdateInput!) {\n    calendarSourceUpdate(id: $id, input: $input) {\n      calendarSource {\n        ...CalendarSourceFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarSources {\n    calendarSources {\n      ...CalendarSourceFields\n    }\n  }\n"): (typeof documents)["\n  query CalendarSources {\n    calendarSources {\n      ...CalendarSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarUpload($file: Upload!, $name: String, $allDates: Boolean, $cancelMissing: Boolean) {\n    calendarUpload(file: $file, name: $name, allDates: $allDates, cancelMissing: $cancelMissing) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CalendarUpload($file: Upload!, $name: String, $allDates: Boolean, $cancelMissing: Boolean) {\n    calendarUpload(file: $file, name: $name, allDates: $allDates, cancelMissing: $cancelMissing) {\n      syncRun {\n        ...SyncRunFields\n      }\n      userErrors {\n        ...CalendarErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPicker($search: String!) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          mobilePhone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPicker($search: String!) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          mobilePhone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnDomains {\n    me {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnDomains {\n    me {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OwnDomainsUpdate($ownDomains: [String!]!) {\n    accountSettingsUpdate(ownDomains: $ownDomains) {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OwnDomainsUpdate($ownDomains: [String!]!) {\n    accountSettingsUpdate(ownDomains: $ownDomains) {\n      account {\n        slug\n        ownDomains\n        ownDomainSuggestions\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRunFields on SyncRun {\n    id\n    sourceId\n    startedAt\n    finishedAt\n    eventsSeen\n    appointmentsCreated\n    appointmentsUpdated\n    appointmentsCancelled\n    customersCreated\n    customersMatched\n    eventsOutside\n    eventsIgnored\n    windowStart\n    windowEnd\n    error\n    errorDetail\n  }\n"): (typeof documents)["\n  fragment SyncRunFields on SyncRun {\n    id\n    sourceId\n    startedAt\n    finishedAt\n    eventsSeen\n    appointmentsCreated\n    appointmentsUpdated\n    appointmentsCancelled\n    customersCreated\n    customersMatched\n    eventsOutside\n    eventsIgnored\n    windowStart\n    windowEnd\n    error\n    errorDetail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncRunFinished {\n    syncRunFinished {\n      ...SyncRunFields\n    }\n  }\n"): (typeof documents)["\n  subscription SyncRunFinished {\n    syncRunFinished {\n      ...SyncRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRuns($sourceId: ID!, $first: Int!) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SyncRuns($sourceId: ID!, $first: Int!) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnmatchedAppointments($first: Int!, $after: String) {\n    unmatchedAppointments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AppointmentFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnmatchedAppointments($first: Int!, $after: String) {\n    unmatchedAppointments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AppointmentFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommunicationFields on Communication {\n    id\n    kind\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    parts\n    language\n    dueAt\n    nextAttemptAt\n    sentAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment CommunicationFields on Communication {\n    id\n    kind\n    medium\n    recipient\n    subject\n    body\n    status\n    error\n    attempts\n    parts\n    language\n    dueAt\n    nextAttemptAt\n    sentAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomFieldDefinitionCreate($input: CustomFieldDefinitionCreateInput!) {\n    customFieldDefinitionCreate(input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomFieldDefinitionCreate($input: CustomFieldDefinitionCreateInput!) {\n    customFieldDefinitionCreate(input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomFieldDefinitionDelete($id: ID!) {\n    customFieldDefinitionDelete(id: $id) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      archivedInstead\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomFieldDefinitionDelete($id: ID!) {\n    customFieldDefinitionDelete(id: $id) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      archivedInstead\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomFieldDefinitionUpdate($id: ID!, $input: CustomFieldDefinitionUpdateInput!) {\n    customFieldDefinitionUpdate(id: $id, input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomFieldDefinitionUpdate($id: ID!, $input: CustomFieldDefinitionUpdateInput!) {\n    customFieldDefinitionUpdate(id: $id, input: $input) {\n      customFieldDefinition {\n        ...CustomFieldDefinitionFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomFieldDefinitionFields on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    options\n    required\n    inBookingForm\n    archived\n  }\n"): (typeof documents)["\n  fragment CustomFieldDefinitionFields on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    options\n    required\n    inBookingForm\n    archived\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomFieldDefinitions($includeArchived: Boolean! = false) {\n    customFieldDefinitions(includeArchived: $includeArchived) {\n      ...CustomFieldDefinitionFields\n    }\n  }\n"): (typeof documents)["\n  query CustomFieldDefinitions($includeArchived: Boolean! = false) {\n    customFieldDefinitions(includeArchived: $includeArchived) {\n      ...CustomFieldDefinitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CustomerChanged($id: ID!) {\n    customerChanged(id: $id) {\n      kind\n      customerId\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerCreate($input: CustomerCreateInput!, $allowSharedPhone: Boolean! = false) {\n    customerCreate(input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerCreate($input: CustomerCreateInput!, $allowSharedPhone: Boolean! = false) {\n    customerCreate(input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {\n    customerDelete(id: $id, keepHistory: $keepHistory) {\n      deletedId\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerDetailsFields on Customer {\n    id\n    displayName\n    salutation\n    firstName\n    lastName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    dateOfBirth\n    address {\n      street\n      postcode\n      city\n      country\n    }\n    company\n    notes\n    preferredMedium\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    source\n    createdAt\n    updatedAt\n    archivedAt\n    customFields {\n      key\n      label\n      type\n      value\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerErase($id: ID!, $force: Boolean) {\n    customerErase(id: $id, force: $force) {\n      erased\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerErase($id: ID!, $force: Boolean) {\n    customerErase(id: $id, force: $force) {\n      erased\n      userErrors {\n        ...CustomerErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n"): (typeof documents)["\n  fragment CustomerErrorFields on CustomerError {\n    field\n    message\n    code\n    existingCustomerId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    isBlocked\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerListItemFields on Customer {\n    id\n    displayName\n    email\n    mobilePhone\n    mobilePhoneDisplay\n    landlinePhone\n    landlinePhoneDisplay\n    preferredLanguage\n    communicationStatus\n    emailEnabled\n    smsEnabled\n    isBlocked\n    lastVisitAt\n    nextAppointment {\n      id\n      startsAt\n      endsAt\n      allDay\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $search: String\n    $searchMode: SearchMode! = IDENTITY\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, search: $search, searchMode: $searchMode, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n        match {\n          score\n          field\n          label\n          value\n          highlight {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerList(\n    $first: Int!\n    $after: String\n    $search: String\n    $searchMode: SearchMode! = IDENTITY\n    $orderBy: CustomerOrderBy\n    $filter: CustomerFilter\n  ) {\n    customers(first: $first, after: $after, search: $search, searchMode: $searchMode, orderBy: $orderBy, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CustomerListItemFields\n        }\n        match {\n          score\n          field\n          label\n          value\n          highlight {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      nameFromEmail\n      ...CustomerFiguresFields\n      ...CustomerBlockingFields\n      ...CustomerHistoryFields\n      appointments(first: 0) {\n        totalCount\n      }\n      upcomingAppointments: appointments(first: 50, when: UPCOMING, direction: ASC) {\n        ...AppointmentPageFields\n      }\n      pastAppointments: appointments(first: 50, when: PAST, direction: DESC) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerProfile($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailsFields\n      nameFromEmail\n      ...CustomerFiguresFields\n      ...CustomerBlockingFields\n      ...CustomerHistoryFields\n      appointments(first: 0) {\n        totalCount\n      }\n      upcomingAppointments: appointments(first: 50, when: UPCOMING, direction: ASC) {\n        ...AppointmentPageFields\n      }\n      pastAppointments: appointments(first: 50, when: PAST, direction: DESC) {\n        ...AppointmentPageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!, $allowSharedPhone: Boolean! = false) {\n    customerUpdate(id: $id, input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!, $allowSharedPhone: Boolean! = false) {\n    customerUpdate(id: $id, input: $input, allowSharedPhone: $allowSharedPhone) {\n      customer {\n        ...CustomerDetailsFields\n        ...CustomerListItemFields\n      }\n      userErrors {\n        ...CustomerErrorFields\n      }\n      warnings {\n        ...CustomerWarningFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerWarningFields on CustomerWarning {\n    code\n    field\n    message\n    customer {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerWarningFields on CustomerWarning {\n    code\n    field\n    message\n    customer {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CandidateDismiss($customerIds: [ID!]!) {\n    candidateDismiss(customerIds: $customerIds) {\n      customerIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CandidateDismiss($customerIds: [ID!]!) {\n    candidateDismiss(customerIds: $customerIds) {\n      customerIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerMergeErrorFields on CustomerMergeError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment CustomerMergeErrorFields on CustomerMergeError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerMerge($keepId: ID!, $mergeId: ID!, $fieldChoices: [CustomerMergeFieldChoice!]) {\n    customerMerge(keepId: $keepId, mergeId: $mergeId, fieldChoices: $fieldChoices) {\n      customer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergeUntil\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerMerge($keepId: ID!, $mergeId: ID!, $fieldChoices: [CustomerMergeFieldChoice!]) {\n    customerMerge(keepId: $keepId, mergeId: $mergeId, fieldChoices: $fieldChoices) {\n      customer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergeUntil\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerMergePreview($keepId: ID!, $mergeId: ID!) {\n    customerMergePreview(keepId: $keepId, mergeId: $mergeId) {\n      fields {\n        field\n        keepValue\n        mergeValue\n        default\n      }\n      notKept {\n        field\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerMergePreview($keepId: ID!, $mergeId: ID!) {\n    customerMergePreview(keepId: $keepId, mergeId: $mergeId) {\n      fields {\n        field\n        keepValue\n        mergeValue\n        default\n      }\n      notKept {\n        field\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerUnmerge($mergeId: ID!) {\n    customerUnmerge(mergeId: $mergeId) {\n      customer {\n        id\n        displayName\n      }\n      restoredCustomer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergedAt\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerUnmerge($mergeId: ID!) {\n    customerUnmerge(mergeId: $mergeId) {\n      customer {\n        id\n        displayName\n      }\n      restoredCustomer {\n        id\n        displayName\n      }\n      merge {\n        id\n        unmergedAt\n      }\n      userErrors {\n        ...CustomerMergeErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCandidates($first: Int!, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      refreshedAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          customers {\n            ...DuplicateCustomerFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateCandidates($first: Int!, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      refreshedAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          customers {\n            ...DuplicateCustomerFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DuplicateCustomerFields on Customer {\n    id\n    displayName\n    email\n    mobilePhoneDisplay\n    landlinePhoneDisplay\n    dateOfBirth\n    company\n    createdAt\n    appointments(first: 0) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  fragment DuplicateCustomerFields on Customer {\n    id\n    displayName\n    email\n    mobilePhoneDisplay\n    landlinePhoneDisplay\n    dateOfBirth\n    company\n    createdAt\n    appointments(first: 0) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    actorName\n    action\n    changes {\n      field\n      from\n      to\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    actorName\n    action\n    changes {\n      field\n      from\n      to\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerHistoryFields on Customer {\n    id\n    history(first: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerHistoryFields on Customer {\n    id\n    history(first: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerHistoryPage($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerHistoryPage($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerImportCancel($jobId: ID!) {\n    customerImportCancel(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerImportCancel($jobId: ID!) {\n    customerImportCancel(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerImportCommit($input: CustomerImportCommitInput!) {\n    customerImportCommit(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerImportCommit($input: CustomerImportCommitInput!) {\n    customerImportCommit(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerImportPayloadFields on CustomerImportPayload {\n    job {\n      ...ImportJobFields\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerImportPayloadFields on CustomerImportPayload {\n    job {\n      ...ImportJobFields\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerImportPreview($input: CustomerImportPreviewInput!) {\n    customerImportPreview(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerImportPreview($input: CustomerImportPreviewInput!) {\n    customerImportPreview(input: $input) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerImportUndo($jobId: ID!) {\n    customerImportUndo(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerImportUndo($jobId: ID!) {\n    customerImportUndo(jobId: $jobId) {\n      ...CustomerImportPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    sheet\n    sheets\n    headerRow\n    columns {\n      index\n      header\n      target\n      suggested\n      samples\n    }\n    targets {\n      key\n      label\n    }\n    previewRows {\n      rowNumber\n      values {\n        target\n        value\n      }\n      errors {\n        field\n        code\n        message\n      }\n      duplicate {\n        kind\n        rowNumber\n        customerId\n        customer {\n          id\n          displayName\n        }\n      }\n    }\n    counts {\n      rows\n      valid\n      rejected\n      duplicatesInFile\n      existing\n      created\n      updated\n      skipped\n    }\n    duplicates\n    errorPolicy\n    progress {\n      phase\n      processedRows\n      fraction\n    }\n    rejectedRowsUrl\n    error\n    createdAt\n    finishedAt\n    canUndo\n  }\n"): (typeof documents)["\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    sheet\n    sheets\n    headerRow\n    columns {\n      index\n      header\n      target\n      suggested\n      samples\n    }\n    targets {\n      key\n      label\n    }\n    previewRows {\n      rowNumber\n      values {\n        target\n        value\n      }\n      errors {\n        field\n        code\n        message\n      }\n      duplicate {\n        kind\n        rowNumber\n        customerId\n        customer {\n          id\n          displayName\n        }\n      }\n    }\n    counts {\n      rows\n      valid\n      rejected\n      duplicatesInFile\n      existing\n      created\n      updated\n      skipped\n    }\n    duplicates\n    errorPolicy\n    progress {\n      phase\n      processedRows\n      fraction\n    }\n    rejectedRowsUrl\n    error\n    createdAt\n    finishedAt\n    canUndo\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifecycleSettings {\n    me {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n    }\n    lifecycleRuns(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          months\n          startedAt\n          finishedAt\n          count\n          skippedCount\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LifecycleSettings {\n    me {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n    }\n    lifecycleRuns(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          months\n          startedAt\n          finishedAt\n          count\n          skippedCount\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleSettingsUpdate($archiveAfterMonths: Int, $eraseAfterMonths: Int) {\n    accountSettingsUpdate(archiveAfterMonths: $archiveAfterMonths, eraseAfterMonths: $eraseAfterMonths) {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LifecycleSettingsUpdate($archiveAfterMonths: Int, $eraseAfterMonths: Int) {\n    accountSettingsUpdate(archiveAfterMonths: $archiveAfterMonths, eraseAfterMonths: $eraseAfterMonths) {\n      account {\n        slug\n        archiveAfterMonths\n        eraseAfterMonths\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommunicationResend($id: ID!) {\n    communicationResend(id: $id) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CommunicationResend($id: ID!) {\n    communicationResend(id: $id) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerCommunications($id: ID!, $first: Int!, $after: String, $medium: Medium, $status: DeliveryStatus) {\n    customer(id: $id) {\n      id\n      communications(first: $first, after: $after, medium: $medium, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommunicationFields\n            appointment {\n              id\n              startsAt\n              title\n              services\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerCommunications($id: ID!, $first: Int!, $after: String, $medium: Medium, $status: DeliveryStatus) {\n    customer(id: $id) {\n      id\n      communications(first: $first, after: $after, medium: $medium, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommunicationFields\n            appointment {\n              id\n              startsAt\n              title\n              services\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageErrorFields on MessageError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment MessageErrorFields on MessageError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageSend($customerId: ID!, $medium: Medium!, $subject: String, $body: String!, $appointmentId: ID) {\n    messageSend(customerId: $customerId, medium: $medium, subject: $subject, body: $body, appointmentId: $appointmentId) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MessageSend($customerId: ID!, $medium: Medium!, $subject: String, $body: String!, $appointmentId: ID) {\n    messageSend(customerId: $customerId, medium: $medium, subject: $subject, body: $body, appointmentId: $appointmentId) {\n      communication {\n        ...CommunicationFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageSettings {\n    me {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageSettings {\n    me {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageSettingsUpdate($reminderHours: [Int!], $timeZone: String) {\n    accountSettingsUpdate(reminderHours: $reminderHours, timeZone: $timeZone) {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MessageSettingsUpdate($reminderHours: [Int!], $timeZone: String) {\n    accountSettingsUpdate(reminderHours: $reminderHours, timeZone: $timeZone) {\n      account {\n        slug\n        reminderHours\n        timeZone\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageTemplateFields on MessageTemplate {\n    kind\n    language\n    subject\n    body\n    sms\n    custom\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment MessageTemplateFields on MessageTemplate {\n    kind\n    language\n    subject\n    body\n    sms\n    custom\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageTemplatePreview($kind: MessageKind!, $language: String!, $subject: String, $body: String, $sms: String) {\n    messageTemplatePreview(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      subject\n      text\n      sms\n      problems {\n        field\n        message\n      }\n      variables\n    }\n  }\n"): (typeof documents)["\n  query MessageTemplatePreview($kind: MessageKind!, $language: String!, $subject: String, $body: String, $sms: String) {\n    messageTemplatePreview(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      subject\n      text\n      sms\n      problems {\n        field\n        message\n      }\n      variables\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageTemplateReset($kind: MessageKind!, $language: String!) {\n    messageTemplateReset(kind: $kind, language: $language) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MessageTemplateReset($kind: MessageKind!, $language: String!) {\n    messageTemplateReset(kind: $kind, language: $language) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageTemplateUpdate($kind: MessageKind!, $language: String!, $subject: String!, $body: String!, $sms: String!) {\n    messageTemplateUpdate(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MessageTemplateUpdate($kind: MessageKind!, $language: String!, $subject: String!, $body: String!, $sms: String!) {\n    messageTemplateUpdate(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {\n      template {\n        ...MessageTemplateFields\n      }\n      userErrors {\n        ...MessageErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageTemplates {\n    messageTemplates {\n      ...MessageTemplateFields\n    }\n  }\n"): (typeof documents)["\n  query MessageTemplates {\n    messageTemplates {\n      ...MessageTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Preferences($token: String!) {\n    preferences(token: $token) {\n      businessName\n      firstName\n      email\n      mobilePhone\n      emailEnabled\n      smsEnabled\n      preferredMedium\n      preferredLanguage\n      languages\n    }\n  }\n"): (typeof documents)["\n  query Preferences($token: String!) {\n    preferences(token: $token) {\n      businessName\n      firstName\n      email\n      mobilePhone\n      emailEnabled\n      smsEnabled\n      preferredMedium\n      preferredLanguage\n      languages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreferencesUpdate($token: String!, $input: PreferencesInput!) {\n    preferencesUpdate(token: $token, input: $input) {\n      preferences {\n        businessName\n        firstName\n        email\n        mobilePhone\n        emailEnabled\n        smsEnabled\n        preferredMedium\n        preferredLanguage\n        languages\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreferencesUpdate($token: String!, $input: PreferencesInput!) {\n    preferencesUpdate(token: $token, input: $input) {\n      preferences {\n        businessName\n        firstName\n        email\n        mobilePhone\n        emailEnabled\n        smsEnabled\n        preferredMedium\n        preferredLanguage\n        languages\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n      slug\n      bookingBlockedMessage\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on Me {\n    userId\n    name\n    via\n    permissions\n    csrfToken\n    account {\n      name\n      slug\n      bookingBlockedMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenCreate($name: String!, $permissions: [Permission!]!) {\n    apiTokenCreate(name: $name, permissions: $permissions) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      token\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenCreate($name: String!, $permissions: [Permission!]!) {\n    apiTokenCreate(name: $name, permissions: $permissions) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      token\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    permissions\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    permissions\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      apiToken {\n        ...ApiTokenFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountErrorFields on AccountError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment AccountErrorFields on AccountError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleCreate($name: String!, $permissions: [Permission!]!) {\n    roleCreate(name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleCreate($name: String!, $permissions: [Permission!]!) {\n    roleCreate(name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      role {\n        id\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      role {\n        id\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleFields on Role {\n    id\n    name\n    permissions\n    builtin\n  }\n"): (typeof documents)["\n  fragment RoleFields on Role {\n    id\n    name\n    permissions\n    builtin\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleUpdate($id: ID!, $name: String, $permissions: [Permission!]) {\n    roleUpdate(id: $id, name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleUpdate($id: ID!, $name: String, $permissions: [Permission!]) {\n    roleUpdate(id: $id, name: $name, permissions: $permissions) {\n      role {\n        ...RoleFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    name\n    role {\n      id\n      name\n    }\n    isActive\n    createdAt\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    name\n    role {\n      id\n      name\n    }\n    isActive\n    createdAt\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserCreate($input: UserCreateInput!) {\n    userCreate(input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UserCreate($input: UserCreateInput!) {\n    userCreate(input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserUpdate($id: ID!, $input: UserUpdateInput!) {\n    userUpdate(id: $id, input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UserUpdate($id: ID!, $input: UserUpdateInput!) {\n    userUpdate(id: $id, input: $input) {\n      user {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...AccountErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersAndRoles {\n    users {\n      ...StaffUserFields\n    }\n    roles {\n      ...RoleFields\n    }\n  }\n"): (typeof documents)["\n  query UsersAndRoles {\n    users {\n      ...StaffUserFields\n    }\n    roles {\n      ...RoleFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;