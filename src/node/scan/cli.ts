/** `consentry scan`: not built yet. Returns the exit code. */
export const main = async (_argv: string[]): Promise<number> => {
  console.error('consentry scan: not available in this build');
  return 2;
};
