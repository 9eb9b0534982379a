import { useEffect, useId, useState, type FormEvent } from 'react';

export interface SearchBarProps {
  /** The accessible name of the search region. */
  region: string;
  searchLabel: string;
  placeholder?: string;
  choiceLabel: string;
  /** The first option, meaning "no filter" (value ""). */
  anyChoice: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  buttonLabel: string;
  search: string;
  choice: string;
  onSearch: (next: { search: string; choice: string }) => void;
}

/** Words and one choice (a status, a classification…); submitting hands them to the page, which puts them in the URL. */
export function SearchBar({
  region,
  searchLabel,
  placeholder,
  choiceLabel,
  anyChoice,
  choices,
  buttonLabel,
  search,
  choice,
  onSearch,
}: SearchBarProps) {
  const id = useId();
  const [words, setWords] = useState(search);
  const [chosen, setChosen] = useState(choice);
  useEffect(() => {
    setWords(search);
    setChosen(choice);
  }, [search, choice]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ search: words.trim(), choice: chosen });
  };
  return (
    <div className="search-bar" role="search" aria-label={region}>
      <form onSubmit={submit} className="maru-form form--inline">
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-q`}>
            {searchLabel}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={words}
            placeholder={placeholder}
            onChange={(event) => setWords(event.target.value)}
          />
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-choice`}>
            {choiceLabel}
          </label>
          <select id={`${id}-choice`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{anyChoice}</option>
            {choices.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="maru-button">
          {buttonLabel}
        </button>
      </form>
    </div>
  );
}
