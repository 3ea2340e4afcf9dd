/**
 * Counts in the CLI's English messages: the number and its noun, singular for exactly one
 * ("1 warning", "2 warnings", "0 warnings").
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
