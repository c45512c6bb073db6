// The column mapping sent with a new analysis, and the API's userErrors placed at the controls
// they belong to: "mapping.<n>" is the n-th entry of the mapping sent, which lists every column
// in the file's order, so it is the n-th column.
import type { ImportMappingInput } from "../../../gql/graphql";
import type { SimpleUserError } from "../../../shared/components/UserErrorList";
import type { ImportJob } from "./status";

/** A column's chosen target: a key of job.targets, or null to ignore the column. */
export type MappingChoice = Record<number, string | null>;

/** Every column with its target: the one chosen here, else the job's current one. */
export function mappingInput(columns: ImportJob["columns"], choices: MappingChoice): ImportMappingInput[] {
  return columns.map((column) => ({
    column: column.index,
    target: column.index in choices ? choices[column.index] : column.target,
  }));
}

/** The errors of each column (by its index), and those about the mapping as a whole. */
export function mappingErrors(columns: ImportJob["columns"], errors: readonly SimpleUserError[]) {
  const byColumn: Record<number, SimpleUserError[]> = {};
  const general: SimpleUserError[] = [];
  for (const error of errors) {
    const match = /^(?:input\.)?mapping\.(\d+)(?:\.|$)/.exec(error.field ?? "");
    const column = match ? columns[Number(match[1])] : undefined;
    if (column) (byColumn[column.index] ??= []).push(error);
    else general.push(error);
  }
  return { byColumn, general };
}

/** Whether a userError is about the uploaded file (shown at the file input). */
export const isFileError = (error: SimpleUserError) => /^(?:input\.)?file$/.test(error.field ?? "");
/** Whether a userError is about the sheet (shown at the sheet select). */
export const isSheetError = (error: SimpleUserError) => /^(?:input\.)?sheet$/.test(error.field ?? "") || error.code === "UNKNOWN_SHEET";
