/**
 * Accessible autocomplete field, ARIA 1.2 « combobox with listbox popup » pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/): focus stays in the
 * text field; ArrowDown/ArrowUp move the active option (aria-activedescendant), Enter picks it (or submits the
 * text when none is active), Escape closes the list, then clears the field. The number of suggestions is
 * announced in a polite live region.
 */
import { type KeyboardEvent, useId, useState } from 'react';

export interface ComboboxOption {
  id: string;
  label: string;
  /** Secondary text (precision…), read after the label. */
  hint?: string;
}

export interface AddressComboboxProps {
  label: string;
  value: string;
  options: readonly ComboboxOption[];
  onInput(value: string): void;
  onPick(option: ComboboxOption): void;
  onSubmit(value: string): void;
  placeholder?: string;
  describedBy?: string;
  inputId?: string;
}

export function AddressCombobox(props: AddressComboboxProps) {
  const { options, onPick, onSubmit, onInput } = props;
  const baseId = useId();
  const inputId = props.inputId ?? `${baseId}-champ`;
  const listId = `${baseId}-liste`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const pick = (option: ComboboxOption) => {
    setOpen(false);
    setActive(-1);
    onPick(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (options.length === 0) return;
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((i) => (i + 1) % options.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (options.length === 0) return;
        if (!open) {
          setOpen(true);
          setActive(options.length - 1);
        } else setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        return;
      case 'Enter':
        event.preventDefault();
        if (activeOption) pick(activeOption);
        else {
          setOpen(false);
          onSubmit(props.value);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else onInput('');
        return;
      case 'Tab':
        setOpen(false);
        return;
      default:
    }
  };

  return (
    <div className="address-combobox">
      <label htmlFor={inputId} className="address-combobox-label">
        {props.label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        className="address-combobox-input"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode="search"
        enterKeyHint="search"
        placeholder={props.placeholder}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(active) : undefined}
        aria-describedby={props.describedBy}
        value={props.value}
        onChange={(event) => {
          onInput(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Suggestions d’adresses"
        className="address-combobox-list"
        hidden={!expanded}
      >
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: options are never focused; the input keeps focus and points at the active one with aria-activedescendant (APG).
          <div
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="address-combobox-option"
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
            onMouseMove={() => setActive(index)}
          >
            <span>{option.label}</span>
            {option.hint ? <span className="address-combobox-hint"> — {option.hint}</span> : null}
          </div>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {open && props.value.trim() !== ''
          ? options.length === 0
            ? 'Aucune suggestion.'
            : `${options.length} suggestion${options.length > 1 ? 's' : ''}, flèche bas pour parcourir.`
          : ''}
      </p>
    </div>
  );
}
