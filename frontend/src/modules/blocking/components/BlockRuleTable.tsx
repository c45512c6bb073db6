// Block rules as a list: what they match, why, who made them and when; Delete when allowed.
import type { BlockRuleFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format/dates";
import { kindLabel } from "../utils/kinds";

interface Props {
  rules: readonly BlockRuleFieldsFragment[];
  label: string;
  onDelete?: (rule: BlockRuleFieldsFragment) => void;
}

export function BlockRuleTable({ rules, label, onDelete }: Props) {
  return (
    <ul className="rule-list" aria-label={label}>
      {rules.map((rule) => (
        <li key={rule.id} className="rule">
          <div className="rule__main">
            <span className="badge">{kindLabel(rule.kind)}</span> <span className="rule__value">{rule.value}</span>
          </div>
          <p className="rule__reason">{rule.reason || <span className="muted">No reason given</span>}</p>
          <p className="rule__meta muted">
            {rule.authorName} · <time dateTime={rule.createdAt}>{formatDateTime(rule.createdAt)}</time>
          </p>
          {onDelete && (
            <button
              type="button"
              className="button button--small rule__delete"
              aria-label={`Delete rule ${kindLabel(rule.kind)} ${rule.value}`}
              onClick={() => onDelete(rule)}
            >
              Delete
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
