import './attention-filter.css';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled native `<select>` for one of Needs attention's filters. It was MUI's TextField
 * select: a form control, an outlined input, a notched outline and a menu's code for two fields
 * cost the first paint more script than the rest of its heading row. The browser's own select is
 * a combobox to assistive technology, works by keyboard as users expect, and needs no script.
 */
export function AttentionFilter({
  label,
  value,
  allLabel,
  options,
  onChange,
}: {
  label: string;
  /** '' for all. */
  value: string;
  allLabel: string;
  options: readonly FilterOption[];
  onChange: (value: string | null) => void;
}) {
  // A value from the URL that no option has yet (the list is still loading, or the project is
  // gone) stays shown rather than the select falling back to an unrelated choice.
  const shown =
    value && !options.some((o) => o.value === value)
      ? [{ value, label: value }, ...options]
      : options;
  return (
    <label className="attention-filter">
      <span className="attention-filter-label">{label}</span>
      <select
        className="attention-filter-select"
        value={value}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{allLabel}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
