import { graphql } from "../../../gql";

/**
 * Everything the wizard shows of an import job: the analysis (sheets, columns with their
 * suggested target, the first rows as mapped, counts), the progress and the outcome. The
 * mutations, the job query and the progress subscription all return it.
 */
export const ImportJobFields = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    status
    fileName
    sheet
    sheets
    headerRow
    columns {
      index
      header
      target
      suggested
      samples
    }
    targets {
      key
      label
    }
    previewRows {
      rowNumber
      values {
        target
        value
      }
      errors {
        field
        code
        message
      }
      duplicate {
        kind
        rowNumber
        customerId
        customer {
          id
          displayName
        }
      }
    }
    counts {
      rows
      valid
      rejected
      duplicatesInFile
      existing
      created
      updated
      skipped
    }
    duplicates
    errorPolicy
    progress {
      phase
      processedRows
      fraction
    }
    rejectedRowsUrl
    error
    createdAt
    finishedAt
    canUndo
  }
`);
