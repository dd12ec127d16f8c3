/** The recovery phrase as a numbered grid, large and readable; selection is disabled to discourage copying. */
export function WordGrid({ words }: { words: readonly string[] }) {
  return (
    <ol className={words.length > 12 ? 'words words--24' : 'words'} aria-label="Recovery phrase">
      {words.map((word, index) => (
        <li key={index} className="words__item">
          <span className="words__n" aria-hidden="true">
            {index + 1}
          </span>
          <span className="words__w">{word}</span>
        </li>
      ))}
    </ol>
  );
}
