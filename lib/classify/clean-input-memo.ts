// Owns remembering the answers of pure string functions that see the same few inputs over and
// over (endpoint ids, span names, route templates), within a fixed bound.

/**
 * `fn` with its answers remembered for up to `maxEntries` inputs (the memory is emptied when
 * full, so it never grows past that), for inputs of at most `maxInputLength` characters that
 * `keep(input, output)` accepts. Only for pure functions: the answer is the same either way.
 */
export function cleanInputMemo(
  fn: (input: string) => string,
  options: { maxEntries: number; maxInputLength: number; keep: (input: string, output: string) => boolean },
): (input: string) => string {
  const answers = new Map<string, string>();
  return (input) => {
    const known = answers.get(input);
    if (known !== undefined) return known;
    const output = fn(input);
    if (input.length <= options.maxInputLength && options.keep(input, output)) {
      if (answers.size >= options.maxEntries) answers.clear();
      answers.set(input, output);
    }
    return output;
  };
}
